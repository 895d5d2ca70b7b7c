package org.familyjourney.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.web.BadInputs.Body;

/** Bad submissions of the pages' forms (application/x-www-form-urlencoded), each sure to be refused. */
final class Forms {

    private static final String FORM = "application/x-www-form-urlencoded";

    static Body referral(BadInputs b, String childBorn) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("source", "SCHOOL", "referrer.name", "Ms Ada Fenwick",
                "referrer.organisation", "FUZZ-MARK", "parent.name", "Fuzz Family", "parent.phone", "07700 900123",
                "children[0].name", "Kit Fuzz", "children[0].dateOfBirth", childBorn, "concerns", "GOOD_EDUCATION",
                "consent.given", "true", "consent.by", "Fuzz Family"));
        fields.put("consent.at", "2026-11-30");
        if (b.chance(0.5)) {
            fields.put("details", b.hostile());
        }
        String flaw = switch (b.pick(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9))) {
            case 0 -> remove(fields, b.pick(List.of("source", "referrer.name", "parent.name", "children[0].name", "concerns",
                    "consent.given")));
            case 1 -> put(fields, "source", b.hostile(), "not a source");
            case 2 -> put(fields, "children[0].dateOfBirth", b.pick(BadInputs.FAR_DATES), "far date of birth");
            case 3 -> put(fields, "consent.at", b.pick(BadInputs.FAR_INSTANTS), "far consent time");
            case 4 -> put(fields, "details", b.oversized(5000), "oversized details");
            case 5 -> put(fields, "parent.name", b.withControlCharacters("Fuzz"), "control characters");
            case 6 -> put(fields, "concerns", b.hostile(), "not a concern");
            case 7 -> put(fields, "parent.email", b.hostile(), "not an email");
            case 8 -> put(fields, "consent.given", "", "consent not answered");
            default -> put(fields, "parent.postcode", b.pick(BadInputs.HUGE_NUMBERS), "not a postcode");
        };
        if (b.chance(0.08)) {
            // Keys that try the data binder: far indexes, a nested object given as text, framework internals.
            fields.put(b.pick(List.of("children[300].name", "children[99999999999].name", "referrer", "parent", "children",
                    "class.module.classLoader.URLs[0]", "concerns[100000]", "children[-1].name", "consent")), b.hostile());
            flaw = flaw + ", and a binder-breaking key";
        }
        return encode(fields, b, flaw);
    }

    static Body session(BadInputs b, String today) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("date", today, "kind", "HOME_VISIT", "durationMinutes", "45",
                "notes", b.hostile()));
        String flaw = switch (b.pick(List.of(0, 1, 2, 3, 4))) {
            case 0 -> remove(fields, b.pick(List.of("date", "kind", "durationMinutes")));
            case 1 -> put(fields, "date", b.pick(BadInputs.FAR_DATES), "far date");
            case 2 -> put(fields, "kind", b.hostile(), "not a kind");
            case 3 -> put(fields, "durationMinutes", b.pick(BadInputs.HUGE_NUMBERS), "huge minutes");
            default -> put(fields, "notes", b.oversized(5000), "oversized notes");
        };
        return encode(fields, b, flaw);
    }

    static Body concern(BadInputs b) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("category", "NEGLECT", "summary", b.hostile()));
        String flaw = switch (b.pick(List.of(0, 1, 2))) {
            case 0 -> remove(fields, b.pick(List.of("category", "summary")));
            case 1 -> put(fields, "category", b.hostile(), "not a category");
            default -> put(fields, "summary", b.oversized(5000), "oversized summary");
        };
        return encode(fields, b, flaw);
    }

    private static String remove(Map<String, String> fields, String field) {
        fields.remove(field);
        return "missing " + field;
    }

    private static String put(Map<String, String> fields, String field, String value, String flaw) {
        fields.put(field, value);
        return flaw;
    }

    /** URL-encoded, and now and then with broken escapes or raw bytes that are not UTF-8. */
    private static Body encode(Map<String, String> fields, BadInputs b, String flaw) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        byte[] bytes = form.toString().getBytes(StandardCharsets.UTF_8);
        if (b.chance(0.1)) {
            String broken = b.pick(List.of("%ZZ", "%C3%28", "%FF%FE", "%", "%E2%82", "%00"));
            bytes = (form + "&details=" + broken).getBytes(StandardCharsets.UTF_8);
            flaw = flaw + ", and a broken escape " + broken;
        } else if (b.chance(0.05)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(bytes);
            out.writeBytes("&details=".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28});
            bytes = out.toByteArray();
            flaw = flaw + ", and raw invalid UTF-8";
        }
        return new Body(bytes, b.chance(0.03) ? "multipart/form-data; boundary=xyz" : FORM, flaw);
    }

    private Forms() {
    }
}
