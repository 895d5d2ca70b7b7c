package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.CapturedLogs;
import org.familyjourney.support.CaseWalk;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A family walked from referral to closure, with a safeguarding concern, a 1:1 session, exports and
 * a mistyped referral on the way, under distinctive fictional details; then every line the app logged
 * meanwhile (every logger, every thread, messages, arguments and stack traces) is searched for those
 * details, and this run's database passwords are searched for in the whole test output.
 */
class NoPersonalDataInLogsTest extends ApplicationTest {

    private static final String PARENT = "Zephyrine Quillfeather";
    private static final String CHILD = "Tobiah Quillfeather";
    private static final String POSTCODE = "ZE9 7QX";
    private static final String PHONE = "07700 913579";
    private static final String EMAIL = "zephyrine.quill@example.org";
    private static final String ADDRESS = "14 Larkspur Mews";
    private static final String DETAIL = "Sleeps at his aunt's on Marigold Lane";

    @Autowired
    Environment environment;

    @Test
    void aFullJourneyLeavesNoPersonalDataOrSecretInTheLogs() throws Exception {
        CapturedLogs logs = CapturedLogs.attach();
        // Our own code's debug lines too: they must be as clean as what production logs at INFO.
        Logger ours = (Logger) LoggerFactory.getLogger("org.familyjourney");
        ch.qos.logback.classic.Level level = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            walk();
        } finally {
            ours.setLevel(level);
            logs.stop();
        }
        List<String> passwords = new ArrayList<>();
        for (String property : List.of("spring.datasource.password", "spring.flyway.password")) {
            String secret = environment.getProperty(property);
            if (secret != null && secret.length() >= 8) {
                passwords.add(secret);
            }
        }
        List<String> secrets = new ArrayList<>(List.of(PARENT, CHILD, "Quillfeather", POSTCODE, POSTCODE.replace(" ", ""), PHONE,
                PHONE.replace(" ", ""), EMAIL, ADDRESS, "Marigold Lane", "$2a$10$"));
        secrets.addAll(passwords);
        assertThat(logs.seen()).as("log events captured from the app's threads (GreenMail's included)").isPositive();
        List<String> leaks = new ArrayList<>();
        for (String line : logs.lines()) {
            secrets.stream().filter(line::contains).forEach(s -> leaks.add(mask(s) + " in: " + mask(line, s)));
        }
        assertThat(leaks).as("personal data or secrets in the app's log").isEmpty();
        // Start-up logs went to whichever test class started the shared context: search every class's output.
        for (String secret : passwords) {
            assertThat(testOutputContaining(secret)).as("a database password in the test output").isEmpty();
        }
    }

    private void walk() {
        Map<String, Object> referral = new HashMap<>(api.referral());
        referral.put("parent", Map.of("name", PARENT, "phone", PHONE, "email", EMAIL, "postcode", POSTCODE, "address", ADDRESS));
        referral.put("children", List.of(Map.of("name", CHILD, "dateOfBirth", api.childBorn(10), "school", "Brookside Primary")));
        referral.put("details", DETAIL);
        referral.put("consent", Map.of("given", true, "by", PARENT, "at", "2026-11-30T10:00:00Z"));
        Map<String, Object> mistyped = new HashMap<>(referral);
        mistyped.put("parent", Map.of("name", PARENT, "phone", "not a phone " + PHONE, "email", "@@" + EMAIL, "postcode", POSTCODE + "XX"));
        assertThat(api.post("priya", "/api/referrals", mistyped).status()).isEqualTo(400);
        var created = api.post("priya", "/api/referrals", referral);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String reference = created.text("caseReference");

        CaseWalk walk = CaseWalk.allocatedTo(api, reference, "maya").firstContactAndAssessment(CaseWalk.ASSESSMENT)
                .planApproved(CaseWalk.GOAL).referralAcceptedAndMeetingHeld();
        assertThat(api.post("maya", "/api/cases/" + reference + "/safeguarding-concerns",
                Map.of("summary", CHILD + " said he " + DETAIL.toLowerCase(), "category", "OTHER")).status()).isEqualTo(201);
        walk.complete("dev", "Task_DecideOnConcern", Map.of("dslDecision", "CONTINUE_SUPPORT",
                "dslRationale", "Spoke with " + PARENT + "; aunt is a safe adult", "familySupportContinues", "yes"));
        assertThat(api.post("maya", "/api/cases/" + reference + "/sessions", Map.of("date", walk.today().toString(), "kind", "PHONE",
                "durationMinutes", "30", "notes", "Called " + PARENT + " on " + PHONE)).status()).isEqualTo(201);
        assertThat(api.get("maya", "/api/cases?name=Quillfeather").status()).isEqualTo(200);
        assertThat(api.get("alex", "/api/cases/" + reference + "/subject-access").status()).isEqualTo(200);
        assertThat(api.get("alex", "/api/cases/" + reference + "/journey.csv").status()).isEqualTo(200);
        assertThat(PageSession.signedIn(port, "maya").get("/cases/" + reference).status()).isEqualTo(200);
        walk.review(CaseWalk.review("CLOSE", "Goals met")).closed(Map.of("closureReason", "GOALS_MET",
                "closingScores", List.of(Map.of("domain", "GOOD_EDUCATION", "score", 4)),
                "familyFeedback", PARENT + " says mornings are calmer", "closureSummary", CHILD + " now attends every day."));
    }

    private static List<Path> testOutputContaining(String secret) throws IOException {
        Path reports = Path.of("target/surefire-reports");
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(p -> p.toString().endsWith("-output.txt")).filter(p -> {
                try {
                    return Files.readString(p).contains(secret);
                } catch (IOException unreadable) {
                    return false;
                }
            }).toList();
        }
    }

    private static String mask(String secret) {
        return secret.length() > 12 ? secret.substring(0, 3) + "…" : secret;
    }

    private static String mask(String line, String secret) {
        String shown = line.length() > 400 ? line.substring(0, 400) + "…" : line;
        return shown.replace(secret, "[" + mask(secret) + "]");
    }
}
