package org.familyjourney.web;

import java.util.Map;

/** The request was understood but the thing is no longer in a state that allows it. */
public class ConflictException extends RuntimeException {

    private final transient Map<String, Object> facts;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> facts) {
        super(message);
        this.facts = Map.copyOf(facts);
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
