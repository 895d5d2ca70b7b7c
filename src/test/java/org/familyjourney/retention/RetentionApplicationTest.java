package org.familyjourney.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention on the real app: a closed case keeps its personal data for the retention period (6 years
 * by default), then case-retention's timer anonymises it and the journey records it; reopening cancels.
 */
class RetentionApplicationTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseRetention retention;
    @Autowired
    org.familyjourney.casework.CaseRegister cases;
    @Autowired
    org.familyjourney.engine.EngineGeneration generation;
    @Autowired
    org.familyjourney.recovery.EngineRecycler recycler;

    /** A referral declined at triage: the case closes at once, which starts its retention period. */
    private String declinedCase() {
        String reference = api.referFamily("priya");
        long triage = api.awaitTask("priya", reference, "Task_TriageReferral");
        Response done = api.completeTask("priya", triage, Map.of("triageDecision", "DECLINE",
                "triageReason", "Not in our area; <b>see</b> the council's service"));
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SCHEDULED".equals(state(reference)));
        return reference;
    }

    private String state(String reference) {
        List<String> states = jdbc.queryForList("SELECT state FROM case_retention WHERE case_reference = ?", String.class, reference);
        return states.isEmpty() ? null : states.get(0);
    }

    private Map<String, Object> family(String reference) {
        return jdbc.queryForMap("""
                SELECT r.parent_name, r.parent_phone, r.parent_postcode, r.details, r.referrer_name, r.consent_by,
                       k.name AS child_name, k.date_of_birth
                FROM referral r JOIN family_case c ON c.referral_id = r.id JOIN referral_child k ON k.referral_id = r.id
                WHERE c.reference = ?""", reference);
    }

    @Test
    void aClosedCaseIsAnonymisedExactlyWhenItsRetentionPeriodEndsAndItsJourneyIsKept() {
        String reference = declinedCase();
        Instant closedAt = jdbc.queryForObject("SELECT closed_at FROM case_retention WHERE case_reference = ?",
                Timestamp.class, reference).toInstant();
        Instant anonymiseAt = jdbc.queryForObject("SELECT anonymise_at FROM case_retention WHERE case_reference = ?",
                Timestamp.class, reference).toInstant();
        assertThat(anonymiseAt).isEqualTo(retention.anonymiseAt(closedAt));
        assertThat(Duration.between(closedAt, anonymiseAt).toDays()).isBetween(6 * 365L, 6 * 366L);
        List<Long> journeyBefore = jdbc.queryForList("SELECT id FROM journey_entry WHERE case_reference = ? ORDER BY id", Long.class, reference);
        assertThat(family(reference).get("parent_name").toString()).startsWith("Sam Testfamily");
        java.time.LocalDate bornBefore = java.time.LocalDate.parse(family(reference).get("date_of_birth").toString());

        Instant now = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
        assertThat(api.advanceClock(Duration.between(now, anonymiseAt).plusSeconds(1).toString()).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> "ANONYMISED".equals(state(reference)));
        Map<String, Object> anonymised = family(reference);
        assertThat(anonymised).containsEntry("parent_name", "[anonymised]").containsEntry("details", "[anonymised]")
                .containsEntry("referrer_name", "[anonymised]").containsEntry("consent_by", "[anonymised]")
                .containsEntry("parent_phone", null).containsEntry("parent_postcode", "M14")
                .containsEntry("child_name", "[anonymised] (child 1)");
        // The year of birth is kept (funders count by age), the day is not.
        assertThat(anonymised.get("date_of_birth").toString()).isEqualTo(bornBefore.getYear() + "-01-01");
        assertThat(jdbc.queryForList("SELECT given_by FROM consent WHERE case_reference = ?", String.class, reference))
                .isNotEmpty().containsOnly("[anonymised]");

        List<Long> journeyAfter = jdbc.queryForList("SELECT id FROM journey_entry WHERE case_reference = ? ORDER BY id", Long.class, reference);
        assertThat(journeyAfter).startsWith(journeyBefore.toArray(Long[]::new));
        assertThat(jdbc.queryForList("SELECT summary FROM journey_entry WHERE case_reference = ? AND kind = 'CASE_ANONYMISED'",
                String.class, reference)).singleElement().asString().contains("retention period");
        assertThat(api.get("alex", "/api/audit/journey-chain").body().path("intact").asBoolean()).isTrue();
        assertThat(api.get("priya", "/api/cases/" + reference).raw()).doesNotContain("Sam Testfamily");
    }

    @Test
    void reopeningACaseCancelsItsPendingAnonymisation() {
        String reference = declinedCase();
        Instant anonymiseAt = jdbc.queryForObject("SELECT anonymise_at FROM case_retention WHERE case_reference = ?",
                Timestamp.class, reference).toInstant();

        // As the journey's Reopen case step does (the API reopens only cases that had a worker).
        cases.reopen(reference, "Task_ReopenCase", 0L, generation.current(), "priya");
        assertThat(state(reference)).isEqualTo("CANCELLED");

        // The timer of the cancelled schedule, had it fired, would change nothing.
        assertThat(retention.anonymiseIfDue(reference, anonymiseAt, "Task_AnonymiseCase")).isFalse();
        assertThat(family(reference).get("parent_name").toString()).startsWith("Sam Testfamily");
        assertThat(jdbc.queryForList("SELECT summary FROM journey_entry WHERE case_reference = ? AND kind = 'CASE_UPDATED'",
                String.class, reference)).anySatisfy(s -> assertThat(s).contains("anonymisation is cancelled"));
    }

    @Test
    void aCaseReopenedAfterAnEngineRecycleHasItsAnonymisationCancelledOnTheNewEngineRun() {
        String reference = declinedCase();

        recycler.recycle("TEST");

        // Recovery moved the schedule to its instance on the new engine run.
        Map<String, Object> schedule = jdbc.queryForMap(
                "SELECT engine_generation, process_instance_key FROM case_retention WHERE case_reference = ?", reference);
        assertThat(((Number) schedule.get("engine_generation")).longValue()).isEqualTo(generation.current());
        long instance = ((Number) schedule.get("process_instance_key")).longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingInTheEngine(instance));

        cases.reopen(reference, "Task_ReopenCase", 0L, generation.current(), "priya");

        assertThat(state(reference)).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30)).until(() -> !waitingInTheEngine(instance));
    }

    private boolean waitingInTheEngine(long instance) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM instance_position WHERE engine_generation = ? AND process_instance_key = ?",
                Integer.class, generation.current(), instance) > 0;
    }
}
