package org.familyjourney.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Dates typed into a page or a query string: blank is "not given", anything else must be a date like 2026-12-01. */
public final class DateFields {

    public static final String NOT_A_DATE = "is not a date like 2026-12-01";

    private DateFields() {
    }

    /** The date, or null when blank; a bad one adds a problem naming the field. */
    public static LocalDate optional(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, NOT_A_DATE));
            return null;
        }
    }
}
