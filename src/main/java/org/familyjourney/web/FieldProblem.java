package org.familyjourney.web;

/** One thing wrong with one field of what a user sent, in words they can act on. */
public record FieldProblem(String field, String message) {
}
