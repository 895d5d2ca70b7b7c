package org.familyjourney.web;

/** A part we depend on (the engine, the database) did not answer; the user may try again. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
