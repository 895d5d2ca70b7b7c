package org.familyjourney.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The problems of one submitted page form, by field, for the page to show beside each field and in
 * a summary whose links move to the field. Field names are the API's (referrer.name,
 * children[0].dateOfBirth), so one validator's answer serves both.
 */
public final class FormErrors {

    public record Item(String field, String id, String text) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<Item> summary = new ArrayList<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Labels come from message keys "field." + the field name without positions, e.g. field.children.name. */
    public static FormErrors of(List<FieldProblem> problems, MessageSource messages, Locale locale) {
        return of(problems, "field.", messages, locale);
    }

    /**
     * Labels from message keys {@code labelKeys} + the field name, for a form whose plain field names
     * ("date", "summary") would mean something else on another form, e.g. session.field.date.
     */
    public static FormErrors of(List<FieldProblem> problems, String labelKeys, MessageSource messages, Locale locale) {
        FormErrors errors = new FormErrors();
        for (FieldProblem problem : problems) {
            String field = problem.field();
            errors.byField.merge(field, problem.message(), (a, b) -> a + "; " + b);
            String generic = field.replaceAll("\\[\\d+]", "");
            String label = messages.getMessage(labelKeys + generic, null, generic, locale);
            String position = field.matches(".*\\[(\\d+)].*") ? " (" + (Integer.parseInt(field.replaceAll(".*?\\[(\\d+)].*", "$1")) + 1) + ")" : "";
            errors.summary.add(new Item(field, id(field), label + position + " " + problem.message()));
        }
        return errors;
    }

    /** The HTML id of a field's input: referrer.name → referrer-name, children[0].name → children-0-name. */
    public static String id(String field) {
        String id = field.replaceAll("\\[(\\d+)]", "-$1").replace('.', '-');
        return id.matches("concerns-\\d+") ? "concerns" : id;
    }

    /** {@link #id(String)} for templates. */
    public String idOf(String field) {
        return id(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    /** Problems of a field and everything under it, e.g. "concerns" covers concerns[1]. */
    public String under(String prefix) {
        return byField.entrySet().stream().filter(e -> e.getKey().equals(prefix) || e.getKey().startsWith(prefix + "[")
                        || e.getKey().startsWith(prefix + "."))
                .map(Map.Entry::getValue).reduce((a, b) -> a + "; " + b).orElse(null);
    }

    public List<Item> summary() {
        return List.copyOf(summary);
    }
}
