package org.familyjourney.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the embedded engine's clock, for demos, training and tests: timers due inside the jump fire
 * at once. Off unless familyjourney.engine.clock-control=true; a remote cluster's clock is not ours.
 */
@RestController
@RequestMapping("/api/engine/clock")
class EngineClockController {

    private final EngineProperties properties;
    private final ObjectProvider<EmbeddedEngine> engine;
    private final Clock clock;

    EngineClockController(EngineProperties properties, ObjectProvider<EmbeddedEngine> engine, Clock clock) {
        this.properties = properties;
        this.engine = engine;
        this.clock = clock;
    }

    record ClockMove(String advanceBy) {
    }

    @GetMapping
    ResponseEntity<?> now() {
        if (!properties.clockControl()) {
            return notFound();
        }
        return ResponseEntity.ok(Map.of("now", clock.instant().toString()));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> advance(@RequestBody ClockMove move) {
        if (!properties.clockControl()) {
            return notFound();
        }
        EmbeddedEngine embedded = properties.embedded() ? engine.getIfAvailable() : null;
        if (embedded == null) {
            return problem(HttpStatus.CONFLICT, "The engine runs remotely; its clock cannot be moved from here.");
        }
        Duration by;
        try {
            by = Duration.parse(move == null || move.advanceBy() == null ? "" : move.advanceBy());
        } catch (DateTimeParseException e) {
            return problem(HttpStatus.BAD_REQUEST,
                    "advanceBy must be an ISO-8601 duration such as P3D or PT4H, not '" + (move == null ? null : move.advanceBy()) + "'.");
        }
        if (by.isNegative() || by.isZero()) {
            return problem(HttpStatus.BAD_REQUEST, "advanceBy must be positive: the engine's clock only moves forward.");
        }
        embedded.advance(by);
        Instant now = clock.instant();
        return ResponseEntity.ok(Map.of("now", now.toString(), "advancedBy", by.toString()));
    }

    private static ResponseEntity<?> notFound() {
        return problem(HttpStatus.NOT_FOUND, "Clock control is switched off (familyjourney.engine.clock-control).");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
