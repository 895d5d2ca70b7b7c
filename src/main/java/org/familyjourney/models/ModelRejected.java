package org.familyjourney.models;

import org.springframework.http.HttpStatus;

/** The upload is not something we can check at all (too big, not XML, not a diagram, not a form): a 4xx naming why. */
class ModelRejected extends RuntimeException {

    private final HttpStatus status;

    ModelRejected(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
