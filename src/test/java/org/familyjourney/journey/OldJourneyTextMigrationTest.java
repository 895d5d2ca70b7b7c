package org.familyjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyjourney.retention.CaseRetention;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TextColumns;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration V120 on the real database: entries written as the code before V105 wrote them (free text in
 * their hashed details and summaries, chained) have that text moved beside the chain, the chain re-hashed
 * and the rebuild recorded once; the journey still shows the answers, and anonymisation then reaches them.
 */
class OldJourneyTextMigrationTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OldJourneyText oldText;
    @Autowired
    CaseRetention retention;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper json;

    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.flyway.user}")
    String owner;
    @Value("${spring.flyway.password}")
    String ownerPassword;

    private final String marker = "Inkwhistle" + UUID.randomUUID().toString().substring(0, 8);
    /** Upper case and one word, as a code would be: only the form's text input tells it is free text. */
    private final String shouted = marker.toUpperCase();

    @Test
    void oldFreeTextMovesBesideTheChainWhichStillVerifiesAndAnonymisationThenReachesIt() throws Exception {
        String reference = declinedCase();
        String longReason = marker + " moved house; " + "the family asked for a worker nearer to them. ".repeat(12);
        List<Long> old = writeOldEntries(reference, List.of(
                entry(reference, "TASK_COMPLETED", "Task_TriageReferral", "priya", "Task 'Triage referral' completed by priya",
                        "{\"triageDecision\":\"DECLINE\",\"triageReason\":\"" + shouted + "\"}"),
                entry(reference, "TASK_COMPLETED", "Task_MakeFirstContact", "maya", "Task 'Make first contact' completed by maya",
                        "{\"firstContactOutcome\":\"REACHED\",\"firstContactMethod\":\"HOME_VISIT\",\"firstContactNotes\":\"Met " + marker + " at home\"}"),
                entry(reference, "APPROVAL_DECIDED", "Task_ApproveActionPlan", "priya", "'Approve action plan': approve by priya",
                        "{\"decision\":\"APPROVE\",\"comment\":\"Good for " + marker + "\"}"),
                entry(reference, "CONSENT_RECORDED", "Task_RecordConsentToShare", "priya",
                        "Consent overridden by priya to share with Food bank: " + marker + " is at risk",
                        "{\"sharedWith\":\"Food bank (FOOD)\",\"basis\":\"OVERRIDE\",\"overrideReason\":\"" + marker + " is at risk\"}"),
                entry(reference, "CASE_STEPPED_UP", "Task_RecordSocialCareReferral", "priya",
                        "Referral to children's social care recorded: referred 2026-01-05, reference SC-" + marker + ", no child protection plan",
                        "{\"referredOn\":\"2026-01-05\",\"childProtectionPlan\":false,\"socialCareReference\":\"SC-" + marker + "\"}"),
                entry(reference, "CASE_REASSIGNED", "Caseload", "priya", JourneyLog.truncate("Case moved from maya to sam by priya: " + longReason, 500),
                        "{\"from\":\"maya\",\"to\":\"sam\",\"reason\":\"" + longReason + "\"}"),
                entry(reference, "RECORD_RESTRICTED", null, "priya", "Record restricted to named people",
                        "{\"named\":[\"priya\"],\"reason\":\"Neighbour of " + marker + "\"}")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE details LIKE ?", Integer.class, "%" + marker + "%"))
                .as("the gap: old entries hold the text in the chain").isEqualTo(old.size());

        Rebuilt first = rebuild();

        assertThat(first.outcome().entriesMoved()).isGreaterThanOrEqualTo(old.size());
        assertThat(first.outcome().firstRehashedEntry()).isLessThanOrEqualTo(old.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journey_entry WHERE summary LIKE ? OR details LIKE ? OR details LIKE ?",
                Integer.class, "%" + marker + "%", "%" + marker + "%", "%" + shouted + "%")).as("free text left in the chain").isZero();
        assertThat(jdbc.queryForList("SELECT entry_id FROM journey_entry_text WHERE content LIKE ? OR content LIKE ?", Long.class,
                "%" + marker + "%", "%" + shouted + "%")).containsExactlyInAnyOrderElementsOf(old);
        assertThat(entry(old.get(0))).containsEntry("details", "{\"triageDecision\":\"DECLINE\",\"freeTextFields\":[\"triageReason\"]}");
        assertThat(entry(old.get(1))).containsEntry("details",
                "{\"firstContactOutcome\":\"REACHED\",\"firstContactMethod\":\"HOME_VISIT\",\"freeTextFields\":[\"firstContactNotes\"]}");
        assertThat(entry(old.get(3))).containsEntry("summary", "Consent overridden by priya to share with Food bank (reason recorded with the override)");
        assertThat(entry(old.get(4))).containsEntry("summary",
                "Referral to children's social care recorded: referred 2026-01-05, no child protection plan");
        assertThat(entry(old.get(5))).containsEntry("summary", "Case moved from maya to sam by priya")
                .containsEntry("details", "{\"from\":\"maya\",\"to\":\"sam\",\"freeTextFields\":[\"reason\"]}");
        assertThat(api.get("alex", "/api/audit/journey-chain").body().path("intact").asBoolean()).isTrue();
        String journey = api.get("alex", "/api/cases/" + reference + "/journey").raw();
        assertThat(journey).as("the journey puts the text back").contains(shouted, "Met " + marker + " at home", "Good for " + marker,
                "SC-" + marker, "Neighbour of " + marker, marker + " moved house");

        Map<String, Object> rehashed = jdbc.queryForMap("SELECT * FROM journey_entry WHERE id = ?", first.rebuildEntry());
        assertThat(rehashed).containsEntry("kind", "JOURNEY_REHASHED").containsEntry("case_reference", null).containsEntry("actor", "system");
        JsonNode details = json.readTree(rehashed.get("details").toString());
        assertThat(details.path("entriesMoved").asInt()).isEqualTo(first.outcome().entriesMoved());
        assertThat(details.path("firstRehashedEntry").asLong()).isEqualTo(first.outcome().firstRehashedEntry());
        assertThat(details.path("previousHeadHash").asText()).isEqualTo(first.headBefore());
        assertThat(first.rebuildEntry()).isGreaterThan(old.get(old.size() - 1));
        assertThat(PageSession.signedIn(port, "alex").get("/audit/chain").body())
                .as("auditors see the rebuild").contains("The chain was rebuilt", "Journey log rebuilt once");

        Rebuilt second = rebuild();
        assertThat(second.outcome().entriesMoved()).isZero();
        assertThat(second.outcome().firstRehashedEntry()).isNull();
        assertThat(second.rebuildEntry()).as("no second rebuild entry").isNull();

        anonymise(reference);
        assertThat(tablesHolding(marker)).as("tables still holding the family's free text").isEmpty();
        assertThat(tablesHolding(shouted)).isEmpty();
        assertThat(api.get("alex", "/api/audit/journey-chain").body().path("intact").asBoolean()).isTrue();
    }

    @Test
    void oldFreeTextOfACaseAnonymisedBeforeTheMigrationIsStoredAsTheAnonymisationLeftText() throws Exception {
        String reference = declinedCase();
        List<Long> old = writeOldEntries(reference, List.of(
                entry(reference, "APPROVAL_DECIDED", "Task_ApproveClosure", "priya", "'Approve closure': approve by priya",
                        "{\"decision\":\"APPROVE\",\"comment\":\"Well done " + marker + "\"}"),
                entry(reference, "RECORD_RESTRICTED", null, "priya", "Record restricted to named people",
                        "{\"named\":[\"priya\"],\"reason\":\"Cousin of " + marker + "\"}")));
        anonymise(reference);
        assertThat(tablesHolding(marker)).as("out of anonymisation's reach").containsExactly("journey_entry.details");

        rebuild();

        assertThat(tablesHolding(marker)).isEmpty();
        assertThat(jdbc.queryForList("SELECT content FROM journey_entry_text WHERE entry_id IN (?, ?) ORDER BY entry_id", String.class,
                old.get(0), old.get(1))).containsExactly("{\"comment\":\"[anonymised]\"}", "{\"reason\":\"[anonymised]\"}");
        assertThat(api.get("alex", "/api/audit/journey-chain").body().path("intact").asBoolean()).isTrue();
        assertThat(PageSession.signedIn(port, "alex").get("/audit/cases/" + reference).body())
                .contains("Approve closure").contains("[anonymised]").doesNotContain(marker);
    }

    @Test
    void aChainThatDoesNotVerifyWhereItWouldBeRehashedIsLeftAsItIs() throws Exception {
        String reference = declinedCase();
        List<Long> old = writeOldEntries(reference, List.of(
                entry(reference, "APPROVAL_DECIDED", "Task_ApprovePlan", "priya", "'Approve plan': approve by priya",
                        "{\"decision\":\"APPROVE\",\"comment\":\"Fine for " + marker + "\"}"),
                entry(reference, "CASE_UPDATED", null, "system", "Case allocated to maya", null)));
        try (Connection connection = ownerConnection()) {
            connection.createStatement().executeUpdate("UPDATE journey_entry SET summary = 'Case allocated to sam' WHERE id = " + old.get(1));
            connection.commit();
            try {
                assertThatThrownBy(this::rebuild).hasMessageContaining("does not verify at entry " + old.get(1));
                assertThat(entry(old.get(0)).get("details").toString()).as("nothing changed").contains(marker);
            } finally {
                connection.createStatement().executeUpdate("UPDATE journey_entry SET summary = 'Case allocated to maya' WHERE id = " + old.get(1));
                connection.commit();
            }
        }
        rebuild();
        assertThat(entry(old.get(0)).get("details").toString()).doesNotContain(marker);
        assertThat(api.get("alex", "/api/audit/journey-chain").body().path("intact").asBoolean()).isTrue();
    }

    @Test
    void flywayRanItAsMigration120() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '120' AND success = 1",
                Integer.class)).isOne();
    }

    /** A run of the migration's logic as the schema owner, as Flyway runs it; the head as it was and the rebuild's entry, if any. */
    private record Rebuilt(OldJourneyText.Outcome outcome, String headBefore, Long rebuildEntry) {
    }

    private Rebuilt rebuild() throws SQLException {
        try (Connection connection = ownerConnection()) {
            JdbcTemplate asOwner = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            try {
                String headBefore = asOwner.queryForObject("SELECT last_hash FROM journey_chain_head WHERE id = 1 FOR UPDATE", String.class);
                long lastBefore = asOwner.queryForObject("SELECT last_id FROM journey_chain_head WHERE id = 1", Long.class);
                OldJourneyText.Outcome outcome = oldText.moveBesideTheChain(asOwner);
                List<Long> rebuildEntry = asOwner.queryForList(
                        "SELECT id FROM journey_entry WHERE kind = 'JOURNEY_REHASHED' AND id > ?", Long.class, lastBefore);
                connection.commit();
                return new Rebuilt(outcome, headBefore, rebuildEntry.isEmpty() ? null : rebuildEntry.get(0));
            } catch (RuntimeException failed) {
                connection.rollback();
                throw failed;
            }
        }
    }

    /** The entries appended to the chain at once, as the code before V105 chained them; their ids in order. */
    private List<Long> writeOldEntries(String reference, List<JourneyChainWriter.Entry> entries) throws SQLException {
        try (Connection connection = ownerConnection()) {
            JourneyChainWriter.append(connection, entries);
            List<Long> ids = new ArrayList<>();
            try (var rs = connection.createStatement().executeQuery(
                    "SELECT id FROM journey_entry WHERE case_reference = '" + reference + "' ORDER BY id DESC LIMIT " + entries.size())) {
                while (rs.next()) {
                    ids.add(0, rs.getLong(1));
                }
            }
            connection.commit();
            return ids;
        }
    }

    private JourneyChainWriter.Entry entry(String reference, String kind, String step, String actor, String summary, String details) {
        return new JourneyChainWriter.Entry(reference, clock.instant(), kind, step, actor, summary, details);
    }

    private Map<String, Object> entry(long id) {
        return jdbc.queryForMap("SELECT summary, details FROM journey_entry WHERE id = ?", id);
    }

    private Connection ownerConnection() throws SQLException {
        Connection connection = DriverManager.getConnection(url, owner, ownerPassword);
        connection.setAutoCommit(false);
        return connection;
    }

    /** A referral declined at triage: the case closes at once, and its anonymisation is scheduled. */
    private String declinedCase() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        assertThat(api.completeTask("priya", triage, Map.of("triageDecision", "DECLINE", "triageReason", "Not in our area")).status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT state FROM case_retention WHERE case_reference = ?", String.class, reference).contains("SCHEDULED"));
        return reference;
    }

    /** As the retention timer does when the period ends. */
    private void anonymise(String reference) {
        Instant anonymiseAt = jdbc.queryForObject("SELECT anonymise_at FROM case_retention WHERE case_reference = ?",
                Timestamp.class, reference).toInstant();
        assertThat(retention.anonymiseIfDue(reference, anonymiseAt, "Task_AnonymiseCase")).isTrue();
    }

    private List<String> tablesHolding(String text) {
        return TextColumns.holding(jdbc, text);
    }
}
