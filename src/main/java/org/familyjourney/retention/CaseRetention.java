package org.familyjourney.retention;

import io.camunda.client.CamundaClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long a closed case keeps its personal data: {@code familyjourney.retention.after-closure}
 * (default 6 years) after closure, then {@code case-retention}'s timer fires and the case is anonymised.
 * Each closure schedules anew; reopening cancels the pending one, and a late timer of a cancelled or
 * superseded schedule changes nothing.
 */
@Service
public class CaseRetention {

    private static final Logger log = LoggerFactory.getLogger(CaseRetention.class);
    static final String PLACEHOLDER = "[anonymised]";
    static final String ERASED_PLACEHOLDER = "[erased]";

    private final JdbcTemplate jdbc;
    private final CamundaClient engine;
    private final EngineGeneration generation;
    private final JourneyLog journey;
    private final Anonymiser anonymiser;
    private final Clock clock;
    private final Period afterClosure;

    CaseRetention(JdbcTemplate jdbc, CamundaClient engine, EngineGeneration generation, JourneyLog journey, Anonymiser anonymiser,
                  Clock clock, @Value("${familyjourney.retention.after-closure:P6Y}") Period afterClosure) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.generation = generation;
        this.journey = journey;
        this.anonymiser = anonymiser;
        this.clock = clock;
        this.afterClosure = afterClosure;
    }

    public Instant anonymiseAt(Instant closedAt) {
        return closedAt.atOffset(ZoneOffset.UTC).plus(afterClosure).toInstant();
    }

    /** Schedules the anonymisation of a case closed at that time; a second call for the same closure does nothing. */
    @Transactional
    public void schedule(String reference, Instant closedAt, String step) {
        Instant at = anonymiseAt(closedAt);
        List<Timestamp> scheduled = jdbc.queryForList("SELECT closed_at FROM case_retention WHERE case_reference = ? FOR UPDATE",
                Timestamp.class, reference);
        if (!scheduled.isEmpty() && scheduled.get(0).toInstant().equals(closedAt)) {
            return;
        }
        if (scheduled.isEmpty()) {
            jdbc.update("INSERT INTO case_retention (case_reference, closed_at, anonymise_at, state) VALUES (?, ?, ?, 'SCHEDULED')",
                    reference, Timestamp.from(closedAt), Timestamp.from(at));
        } else {
            jdbc.update("""
                    UPDATE case_retention SET closed_at = ?, anonymise_at = ?, state = 'SCHEDULED', done_at = NULL
                    WHERE case_reference = ?""", Timestamp.from(closedAt), Timestamp.from(at), reference);
        }
        journey.holdOrder();
        long instance = engine.newCreateInstanceCommand().bpmnProcessId(RetentionIds.PROCESS).latestVersion()
                .variables(Map.of("caseReference", reference, "anonymiseAt", at.toString())).send().join().getProcessInstanceKey();
        jdbc.update("UPDATE case_retention SET engine_generation = ?, process_instance_key = ? WHERE case_reference = ?",
                generation.current(), instance, reference);
        journey.record(reference, JourneyKind.DEADLINE_SET, step, JourneyLog.SYSTEM,
                "Retention: the family's personal data will be anonymised on " + at + " (" + afterClosure + " after closure)",
                Map.of("anonymiseAt", at.toString(), "retention", afterClosure.toString()));
    }

    /** The case was reopened: its pending anonymisation is cancelled (its timer, if it still fires, finds nothing to do). */
    @Transactional
    public void cancel(String reference) {
        List<Map<String, Object>> pending = jdbc.queryForList(
                "SELECT engine_generation, process_instance_key FROM case_retention WHERE case_reference = ? AND state = 'SCHEDULED'",
                reference);
        if (pending.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE case_retention SET state = 'CANCELLED', done_at = ? WHERE case_reference = ? AND state = 'SCHEDULED'",
                Timestamp.from(clock.instant()), reference);
        journey.record(reference, JourneyKind.CASE_UPDATED, null, JourneyLog.SYSTEM,
                "Retention: the pending anonymisation is cancelled because the case was reopened");
        Object instance = pending.get(0).get("process_instance_key");
        Object gen = pending.get(0).get("engine_generation");
        if (instance != null && gen != null && generation.isCurrent(((Number) gen).longValue())) {
            try {
                engine.newCancelInstanceCommand(((Number) instance).longValue()).send().join();
            } catch (RuntimeException gone) {
                // Already ended or from another engine run: the worker ignores a cancelled schedule anyway.
                log.debug("Retention instance of a reopened case could not be cancelled", gone);
            }
        }
    }

    /** The timer fired: anonymise when this schedule is still the case's current one and the case is still closed. */
    @Transactional
    public boolean anonymiseIfDue(String reference, Instant anonymiseAt, String step) {
        List<Map<String, Object>> due = jdbc.queryForList("""
                SELECT r.case_reference FROM case_retention r JOIN family_case c ON c.reference = r.case_reference
                WHERE r.case_reference = ? AND r.state = 'SCHEDULED' AND r.anonymise_at = ?
                    AND c.closed_at IS NOT NULL AND c.closed_at = r.closed_at FOR UPDATE""", reference, Timestamp.from(anonymiseAt));
        if (due.isEmpty()) {
            return false;
        }
        anonymiser.anonymise(reference, PLACEHOLDER);
        jdbc.update("UPDATE case_retention SET state = 'ANONYMISED', done_at = ? WHERE case_reference = ?",
                Timestamp.from(clock.instant()), reference);
        journey.record(reference, JourneyKind.CASE_ANONYMISED, step, JourneyLog.SYSTEM,
                "Personal data anonymised at the end of the retention period (" + afterClosure + " after closure)",
                Map.of("retention", afterClosure.toString()));
        return true;
    }

    /** Erasure on request: the personal data goes now, and no later anonymisation is pending. */
    @Transactional
    void eraseNow(String reference, String erasedBy, String grounds) {
        anonymiser.anonymise(reference, ERASED_PLACEHOLDER);
        jdbc.update("UPDATE case_retention SET state = 'ERASED', done_at = ? WHERE case_reference = ?",
                Timestamp.from(clock.instant()), reference);
        journey.record(reference, JourneyKind.CASE_ERASED, null, erasedBy,
                "Personal data erased on request by " + erasedBy + "; the journey keeps its steps, without personal data",
                Map.of("grounds", grounds));
    }
}
