package org.familyjourney.casework;

import java.time.Clock;
import java.time.Year;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Hands out case references like FJ-2026-000123: one sequence per year, never a number twice. */
@Component
class CaseReferences {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseReferences(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next() {
        int year = Year.now(clock).getValue();
        // LAST_INSERT_ID(expr) hands the new value back on this connection, without a race between two callers.
        jdbc.update("""
                INSERT INTO case_reference_sequence (year, last_value) VALUES (?, LAST_INSERT_ID(1))
                ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)""", year);
        Integer number = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Integer.class);
        return "FJ-%d-%06d".formatted(year, number);
    }
}
