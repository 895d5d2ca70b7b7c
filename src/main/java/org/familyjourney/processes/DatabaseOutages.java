package org.familyjourney.processes;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.familyjourney.web.DatabaseUnavailable;

/**
 * Jobs failing because the database cannot be reached, and since when. For the configured patience
 * such a job retries with growing pauses without using up its retries, so a database restart never
 * becomes an incident; an outage longer than that falls back to the ordinary retries and incident.
 */
class DatabaseOutages {

    private record Outage(long since, int attempts) {
    }

    private final long patienceNanos;
    private final Map<Long, Outage> jobs = new ConcurrentHashMap<>();

    DatabaseOutages(Duration patience) {
        this.patienceNanos = patience.toNanos();
    }

    /** The job's attempt number within an outage (0, 1, ...), or -1 when it should use up a retry. */
    int attempt(long jobKey, Throwable failure) {
        long now = System.nanoTime();
        jobs.values().removeIf(outage -> now - outage.since() > 2 * patienceNanos);
        if (!DatabaseUnavailable.is(failure)) {
            jobs.remove(jobKey);
            return -1;
        }
        Outage outage = jobs.merge(jobKey, new Outage(now, 0), (old, fresh) -> new Outage(old.since(), old.attempts() + 1));
        return now - outage.since() <= patienceNanos ? outage.attempts() : -1;
    }
}
