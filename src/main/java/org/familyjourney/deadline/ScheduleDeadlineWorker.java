package org.familyjourney.deadline;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.JobRef;
import org.familyjourney.processes.ProcessIds.Headers;
import org.familyjourney.processes.ProcessIds.JobTypes;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedule a deadline: computes "{deadline}Due" (and "{deadline}EscalateAt") from the configured
 * timescales in working days, stores them with the case, and hands them to the model's timers and
 * task due dates as absolute times. A redelivered job returns the times it computed the first time.
 */
@Component
public class ScheduleDeadlineWorker {

    private final Timescales timescales;
    private final WorkingCalendar calendar;
    private final CaseDeadlines deadlines;
    private final JourneyLog journey;
    private final EngineGeneration generation;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ScheduleDeadlineWorker(Timescales timescales, WorkingCalendar calendar, CaseDeadlines deadlines, JourneyLog journey,
                           EngineGeneration generation, Clock clock, TransactionTemplate transaction) {
        this.timescales = timescales;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.journey = journey;
        this.generation = generation;
        this.transaction = transaction;
        this.clock = clock;
    }

    @JobWorker(type = JobTypes.SCHEDULE_DEADLINE, fetchVariables = {"caseReference", "deadlinesFrom"})
    public Map<String, Object> schedule(ActivatedJob job, @Variable(name = "caseReference") String caseReference,
                                        @Variable(name = "deadlinesFrom") String deadlinesFrom) {
        Map<String, String> headers = job.getCustomHeaders();
        String name = required(headers, Headers.DEADLINE, job);
        JobRef ref = JobRef.of(job, generation.current());
        CaseDeadlines.Deadline deadline = transaction.execute(tx -> deadlines.setBy(ref, caseReference, name)
                .orElseGet(() -> compute(caseReference, name, headers, job, ref, deadlinesFrom)));
        Map<String, Object> variables = new HashMap<>();
        variables.put(name + "Due", deadline.dueAt().toString());
        if (deadline.escalateAt() != null) {
            variables.put(name + "EscalateAt", deadline.escalateAt().toString());
        }
        return variables;
    }

    private CaseDeadlines.Deadline compute(String caseReference, String name, Map<String, String> headers,
                                           ActivatedJob job, JobRef ref, String deadlinesFrom) {
        // A "from" header makes the timescale run from the referral (e.g. assessment within 10 working days of it).
        Instant now = headers.containsKey(Headers.FROM) && deadlinesFrom != null ? Instant.parse(deadlinesFrom) : clock.instant();
        Timescale timescale = timescales.named(required(headers, Headers.TIMESCALE, job));
        Instant due = calendar.after(now, timescale);
        String escalation = headers.get(Headers.ESCALATE_AFTER);
        Instant escalateAt = escalation == null ? null : calendar.after(due, timescales.named(escalation));
        CaseDeadlines.Deadline deadline = new CaseDeadlines.Deadline(caseReference, name, due, escalateAt);
        deadlines.save(deadline, ref);
        journey.record(caseReference, JourneyKind.DEADLINE_SET, job.getElementId(), JourneyLog.SYSTEM,
                "Deadline " + name + " set: due " + due + " (" + timescale + ")",
                escalateAt == null ? Map.of("due", due.toString()) : Map.of("due", due.toString(), "escalateAt", escalateAt.toString()));
        return deadline;
    }

    private static String required(Map<String, String> headers, String header, ActivatedJob job) {
        String value = headers.get(header);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Task " + job.getElementId() + " has no '" + header + "' header");
        }
        return value;
    }
}
