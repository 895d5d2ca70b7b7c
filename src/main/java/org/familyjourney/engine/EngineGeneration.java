package org.familyjourney.engine;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Which engine run the keys we store belong to. The embedded engine forgets everything on restart
 * and hands out the same keys again, so each start is a new generation and every stored job or
 * instance key carries one; a key of an older generation is never sent to the engine. A remote
 * cluster is durable, so it keeps one generation for good: 0, the same for every instance of the app
 * (its row is made by the V40 migration), so instances racing on one job write one row. Recycling
 * the embedded engine starts a new generation while the app runs ({@link #next()}).
 */
@Component
public class EngineGeneration {

    /** The one generation of a remote cluster. */
    public static final long REMOTE = 0;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile long current;

    EngineGeneration(JdbcTemplate jdbc, EngineProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.current = properties.embedded() ? start(jdbc, clock) : REMOTE;
    }

    /** A fresh embedded engine replaced the old one (recycling): its keys are a new generation. */
    public synchronized long next() {
        if (current == REMOTE) {
            throw new IllegalStateException("A remote cluster keeps generation 0 for good");
        }
        current = start(jdbc, clock);
        return current;
    }

    public long current() {
        return current;
    }

    public boolean isCurrent(long generation) {
        return generation == current;
    }

    private static long start(JdbcTemplate jdbc, Clock clock) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement(
                    "INSERT INTO engine_generation (mode, started_at) VALUES ('EMBEDDED', ?)", new String[] {"id"});
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }
}
