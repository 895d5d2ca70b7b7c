package org.familyjourney.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.familyjourney.web.FieldProblem;

/** The rules of one input field. */
final class FieldRules {

    private static final int MAX_TEXT = 10_000;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{7,20}$");

    private FieldRules() {
    }

    static Object check(JsonNode component, String type, Object value, String field, Map<String, Object> scope,
                        LocalDate today, List<FieldProblem> problems) {
        JsonNode rules = component.path("validate");
        boolean required = rules.path("required").asBoolean(false);
        if (empty(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        int before = problems.size();
        Object checked = switch (type) {
            case "number" -> number(rules, value, field, problems);
            case "checkbox" -> value instanceof Boolean ? value : fail(field, "must be true or false", problems);
            case "select", "radio" -> option(allowed(component, scope), value, field, problems);
            case "checklist", "taglist" -> options(allowed(component, scope), value, field, problems, required);
            case "datetime" -> date(component, value, field, today, problems);
            default -> text(rules, value, field, problems);
        };
        return problems.size() == before ? checked : null;
    }

    private static Object text(JsonNode rules, Object value, String field, List<FieldProblem> problems) {
        if (!(value instanceof String text)) {
            return fail(field, "must be text", problems);
        }
        int max = rules.path("maxLength").asInt(MAX_TEXT);
        if (text.length() > Math.min(max, MAX_TEXT)) {
            return fail(field, "must be at most " + Math.min(max, MAX_TEXT) + " characters", problems);
        }
        if (text.strip().length() < rules.path("minLength").asInt(0)) {
            return fail(field, "must be at least " + rules.path("minLength").asInt() + " characters", problems);
        }
        String validationType = rules.path("validationType").asText("");
        if ("email".equals(validationType) && !EMAIL.matcher(text.strip()).matches()) {
            return fail(field, "must be an email address", problems);
        }
        if ("phone".equals(validationType) && !PHONE.matcher(text.strip()).matches()) {
            return fail(field, "must be a phone number", problems);
        }
        String pattern = rules.path("pattern").asText("");
        if (!pattern.isEmpty()) {
            try {
                if (!Pattern.compile(pattern).matcher(text).matches()) {
                    return fail(field, "is not in the expected format", problems);
                }
            } catch (PatternSyntaxException badPatternInForm) {
                return fail(field, "cannot be checked: the form's pattern is invalid", problems);
            }
        }
        return text;
    }

    private static Object number(JsonNode rules, Object value, String field, List<FieldProblem> problems) {
        BigDecimal number;
        try {
            number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return fail(field, "must be a number", problems);
        }
        if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            return fail(field, "is too large", problems);
        }
        if (rules.has("min") && number.compareTo(rules.path("min").decimalValue()) < 0) {
            return fail(field, "must be at least " + rules.path("min").asText(), problems);
        }
        if (rules.has("max") && number.compareTo(rules.path("max").decimalValue()) > 0) {
            return fail(field, "must be at most " + rules.path("max").asText(), problems);
        }
        return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : number.doubleValue();
    }

    private static Object option(Set<String> allowed, Object value, String field, List<FieldProblem> problems) {
        if (!(value instanceof String choice) || (!allowed.isEmpty() && !allowed.contains(choice))) {
            return fail(field, "must be one of " + allowed, problems);
        }
        return choice;
    }

    private static Object options(Set<String> allowed, Object value, String field, List<FieldProblem> problems,
                                  boolean required) {
        if (!(value instanceof Collection<?> chosen)) {
            return fail(field, "must be a list of choices", problems);
        }
        if (required && chosen.isEmpty()) {
            return fail(field, "needs at least one choice", problems);
        }
        for (Object choice : chosen) {
            if (!(choice instanceof String text) || (!allowed.isEmpty() && !allowed.contains(text))) {
                return fail(field, "may only contain " + allowed, problems);
            }
        }
        return List.copyOf(chosen);
    }

    private static Object date(JsonNode component, Object value, String field, LocalDate today, List<FieldProblem> problems) {
        String subtype = component.path("subtype").asText("date");
        if (!(value instanceof String text)) {
            return fail(field, "must be a date", problems);
        }
        if (!"date".equals(subtype)) {
            return text;
        }
        try {
            LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                return fail(field, "must be a date between 1900 and 2200", problems);
            }
            return date.toString();
        } catch (DateTimeParseException e) {
            return fail(field, "must be a date like 2026-12-01", problems);
        }
    }

    /** The options of a choice field: its static values, or those its valuesKey names in the task's data. */
    private static Set<String> allowed(JsonNode component, Map<String, Object> scope) {
        Set<String> allowed = new LinkedHashSet<>();
        component.path("values").forEach(option -> allowed.add(option.path("value").asText()));
        String valuesKey = component.path("valuesKey").asText("");
        if (!valuesKey.isEmpty() && scope.get(valuesKey) instanceof Collection<?> options) {
            for (Object option : options) {
                allowed.add(option instanceof Map<?, ?> pair ? String.valueOf(pair.get("value")) : String.valueOf(option));
            }
        }
        return allowed;
    }

    private static boolean empty(Object value) {
        return value == null || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> list && list.isEmpty());
    }

    private static Object fail(String field, String message, List<FieldProblem> problems) {
        problems.add(new FieldProblem(field, message));
        return null;
    }
}
