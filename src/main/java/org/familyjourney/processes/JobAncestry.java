package org.familyjourney.processes;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The jobs of earlier engine runs that a job of a recovered step stands for (recovery_link), newest
 * first. A step re-created on a new engine gets a new job; its side effects were marked under the
 * old job's key, so a worker's once-only check asks about those too.
 */
@Repository
public class JobAncestry {

    /** A step recycled more often than this in one go is a loop in the links, not a history. */
    private static final int MAX_DEPTH = 1000;

    public record Ancestor(long generation, long jobKey) {
    }

    private final JdbcTemplate jdbc;

    JobAncestry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Ancestor> of(long generation, long jobKey) {
        List<Ancestor> ancestors = new ArrayList<>();
        Ancestor current = new Ancestor(generation, jobKey);
        while (ancestors.size() < MAX_DEPTH) {
            List<Ancestor> parent = jdbc.query(
                    "SELECT origin_generation, origin_job_key FROM recovery_link WHERE engine_generation = ? AND job_key = ?",
                    (rs, row) -> new Ancestor(rs.getLong(1), rs.getLong(2)), current.generation(), current.jobKey());
            if (parent.isEmpty()) {
                break;
            }
            current = parent.getFirst();
            ancestors.add(current);
        }
        return ancestors;
    }

    /** The job this one directly replaced on a new engine run, if it was re-created by recovery. */
    public java.util.Optional<Ancestor> predecessor(long generation, long jobKey) {
        return jdbc.query(
                "SELECT origin_generation, origin_job_key FROM recovery_link WHERE engine_generation = ? AND job_key = ?",
                (rs, row) -> new Ancestor(rs.getLong(1), rs.getLong(2)), generation, jobKey).stream().findFirst();
    }
}
