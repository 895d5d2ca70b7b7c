package org.familyjourney.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every problem of one submission, field by field, so a user sees them all at once.
 * Each check returns the cleaned value, or null when the field is empty or wrong.
 */
public final class FieldChecks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{10,20}$");
    private static final Pattern POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");

    private final List<FieldProblem> found = new ArrayList<>();

    public void add(String field, String message) {
        found.add(new FieldProblem(field, message));
    }

    public boolean none(String prefix) {
        return found.stream().noneMatch(p -> p.field().startsWith(prefix));
    }

    public String text(String field, String value, boolean required, int max) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (trimmed.length() > max) {
            add(field, "must be at most " + max + " characters (it has " + trimmed.length() + ")");
            return null;
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            add(field, "contains control characters");
            return null;
        }
        return trimmed;
    }

    public String email(String field, String value) {
        String email = text(field, value, false, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            add(field, "is not an email address (like name@example.org)");
            return null;
        }
        return email;
    }

    public String phone(String field, String value) {
        String phone = text(field, value, false, 32);
        long digits = phone == null ? 0 : phone.chars().filter(Character::isDigit).count();
        if (phone != null && (!PHONE.matcher(phone).matches() || digits < 10 || digits > 15 || phone.startsWith("-"))) {
            add(field, "is not a phone number (10 to 15 digits; spaces, brackets, - and a leading + allowed)");
            return null;
        }
        return phone;
    }

    public String postcode(String field, String value) {
        String postcode = text(field, value, false, 10);
        if (postcode == null) {
            return null;
        }
        String normal = postcode.toUpperCase().replaceAll("\\s+", " ");
        if (!POSTCODE.matcher(normal).matches()) {
            add(field, "is not a UK postcode (like LS1 4AB)");
            return null;
        }
        return normal.contains(" ") ? normal : normal.substring(0, normal.length() - 3) + " " + normal.substring(normal.length() - 3);
    }

    public LocalDate date(String field, String value) {
        String text = text(field, value, true, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(field, "must be a date like 2019-04-23");
            return null;
        }
    }

    public Instant instant(String field, String value) {
        String text = text(field, value, true, 40);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                add(field, "must be a date, or a date and time like 2026-11-30T10:15:00Z");
                return null;
            }
        }
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        String text = text(field, value, true, 64);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase());
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + text + "'");
            return null;
        }
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }

    public List<FieldProblem> problems() {
        return List.copyOf(found);
    }
}
