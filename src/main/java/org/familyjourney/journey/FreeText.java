package org.familyjourney.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a step's answers into what the hash-chained journey may keep for good (codes, numbers, yes/no,
 * dates) and free text, which could describe the family and must go when the case is anonymised.
 * A field the form draws as a text input is free text whatever was typed (an upper-case name, a phone number).
 */
public final class FreeText {

    /** Option values of the forms (ACCEPTED, GOOD_EDUCATION, yes/no) and ISO dates and times. */
    private static final Pattern KEPT = Pattern.compile(
            "[A-Z][A-Z0-9_]{0,63}|yes|no|\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?");

    public record Split(Map<String, Object> kept, Map<String, Object> freeText) {
    }

    private static final Set<String> TEXT_INPUTS = Set.of("textfield", "textarea");

    private FreeText() {
    }

    public static Split of(Map<String, ?> answers, Set<String> textFields) {
        Map<String, Object> kept = new LinkedHashMap<>();
        Map<String, Object> freeText = new LinkedHashMap<>();
        answers.forEach((field, value) -> {
            if (textFields.contains(field) || holdsText(value)) {
                freeText.put(field, value);
            } else {
                kept.put(field, value);
            }
        });
        return new Split(kept, freeText);
    }

    /** The answer keys a form (its schema) draws as text inputs, also inside groups and lists of rows (a list holding one counts whole). */
    public static Set<String> textFields(JsonNode form) {
        Set<String> fields = new HashSet<>();
        collect(form.path("components"), null, fields);
        return fields;
    }

    private static void collect(JsonNode components, String list, Set<String> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ("dynamiclist".equals(type)) {
                collect(component.path("components"), component.path("path").asText(null), fields);
            } else if (component.has("components")) {
                collect(component.path("components"), list, fields);
            } else if (TEXT_INPUTS.contains(type)) {
                String key = list != null ? list : component.path("key").asText(null);
                if (key != null) {
                    fields.add(key);
                }
            }
        }
    }

    private static boolean holdsText(Object value) {
        if (value instanceof CharSequence text) {
            return !KEPT.matcher(text).matches();
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(FreeText::holdsText);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().anyMatch(FreeText::holdsText);
        }
        return false;
    }
}
