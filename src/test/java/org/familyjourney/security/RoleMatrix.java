package org.familyjourney.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may use which endpoint, as data: one line per endpoint ("METHOD /pattern") with an outcome for
 * each role in {@link #ROLES}. {@link RoleMatrixTest} holds the app to it; {@link #main} draws it into
 * README between the role-matrix markers.
 * <ul>
 * <li>ok: the role gets through (2xx, 3xx other than to sign-in, or a 4xx about the request itself, e.g. 400, 409)</li>
 * <li>login: not signed in (401, or a redirect to the sign-in page)</li>
 * <li>denied: 403 (the role may not) or 404 (no such record that the person may see)</li>
 * <li>skip: not requested (the container's error page)</li>
 * </ul>
 */
record RoleMatrix(Map<String, Row> rows) {

    static final Path FILE = Path.of("src/test/resources/security/role-matrix.txt");
    static final List<String> ROLES = List.of("anonymous", "WORKER", "MANAGER", "SAFEGUARDING_LEAD", "AUDITOR", "ADMIN");
    /** Who plays each role in the test: nobody, maya, priya, dev, alex, admin. */
    static final List<String> USERS = Arrays.asList(null, "maya", "priya", "dev", "alex", "admin");
    static final String SKIP = "skip";
    private static final Set<String> OUTCOMES = Set.of("ok", "login", "denied", SKIP);
    private static final String START = "<!-- role-matrix:start -->";
    private static final String END = "<!-- role-matrix:end -->";

    record Row(String endpoint, List<String> outcomes) {
    }

    static RoleMatrix load() {
        Map<String, Row> rows = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                if (parts.length != 2 + ROLES.size() || !Arrays.stream(parts, 2, parts.length).allMatch(OUTCOMES::contains)) {
                    throw new IllegalStateException(FILE + ": a row is METHOD /path and one of " + OUTCOMES + " for each of " + ROLES
                            + ", not: " + line);
                }
                String endpoint = parts[0] + " " + parts[1];
                rows.put(endpoint, new Row(endpoint, List.of(Arrays.copyOfRange(parts, 2, parts.length))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RoleMatrix(rows);
    }

    static String outcome(int status, String location) {
        if (status == 401 || (status == 302 && location.contains("/login") && !location.contains("signedOut"))) {
            return "login";
        }
        if (status == 403 || status == 404) {
            return "denied";
        }
        return status >= 500 ? "error " + status : "ok";
    }

    static String format(Map<String, List<String>> outcomes) {
        StringBuilder text = new StringBuilder("# Endpoint").append(" ".repeat(53));
        ROLES.forEach(role -> text.append(pad(role, 18)));
        text.append('\n');
        outcomes.forEach((endpoint, row) -> {
            text.append(pad(endpoint, 63));
            row.forEach(outcome -> text.append(pad(outcome, 18)));
            text.append('\n');
        });
        return text.toString().replaceAll(" +\n", "\n");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    /** The matrix as a README table: a tick for ok, "sign in" for login, a dash for denied. */
    String markdown() {
        StringBuilder table = new StringBuilder("| Endpoint | " + String.join(" | ", ROLES) + " |\n|---|"
                + "---|".repeat(ROLES.size()) + "\n");
        rows.values().forEach(row -> {
            List<String> cells = new ArrayList<>();
            row.outcomes().forEach(o -> cells.add(switch (o) {
                case "ok" -> "✓";
                case "login" -> "sign in";
                case "denied" -> "–";
                default -> "n/a";
            }));
            table.append("| `").append(row.endpoint()).append("` | ").append(String.join(" | ", cells)).append(" |\n");
        });
        return table.toString();
    }

    /** Redraws README's table from the data file (run from the project directory). */
    public static void main(String[] args) throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("README.md has no " + START + " ... " + END + " block");
        }
        RoleMatrix matrix = load();
        Files.writeString(readme, text.substring(0, start + START.length()) + "\n" + matrix.markdown() + END + text.substring(end + END.length()));
    }
}
