package org.familyjourney.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.familyjourney.journey.JourneyChainWriter;

/**
 * Seeds open and closed cases through batched JDBC inserts into the real tables, as the schema
 * owner (journey_entry is append-only for the app's user), copying a walked case: referral, children,
 * concerns, case, tasks and journey entries, chained into the journey log so the tamper check still
 * passes. Seeded rows carry negative engine keys, so they never collide with the running engine's.
 * Open cases are rows only (no engine instance): the tasklist, search and timeline read our tables.
 */
final class Seeder {

    private static final int CHUNK = 500;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Connection db;
    private final SeedTemplate template;
    private final SeedRows rows;
    private final SplittableRandom random = new SplittableRandom(8);
    private final AtomicLong seededKey = new AtomicLong(-1_000_000_000L * 1_000);
    private final List<String> workers;
    long journeyEntries;
    long tasks;
    long openTasks;

    Seeder(Connection db, SeedTemplate template, List<String> workers) {
        this.db = db;
        this.template = template;
        this.workers = workers;
        this.rows = new SeedRows(db, template);
    }

    /** Open cases, each at a random step of the walk with that step's task open, opened in the last 90 days. */
    void openCases(int count, Instant now) throws SQLException {
        int steps = Math.min(template.tasks().size(), 9);
        seed(count, i -> now.minus(Duration.ofMinutes(30 + random.nextLong(90L * 24 * 60))), i -> random.nextInt(steps));
    }

    /** Closed cases with their whole journey, opened over the three years before the last 200 days. */
    void closedCases(int count, Instant now) throws SQLException {
        seed(count, i -> now.minus(Duration.ofDays(200 + random.nextLong(3 * 365))).minusSeconds(random.nextLong(86_400)), i -> -1);
    }

    /** One closed case whose journey has {@code entries} entries (the walk's, repeated); returns its reference. */
    String longCase(int entries, Instant now) throws SQLException {
        List<String> made = new ArrayList<>();
        seed(1, i -> now.minus(Duration.ofDays(400)), i -> -1, entries, made);
        return made.getFirst();
    }

    private void seed(int count, java.util.function.IntFunction<Instant> opened, java.util.function.IntUnaryOperator openStep)
            throws SQLException {
        seed(count, opened, openStep, 0, new ArrayList<>());
    }

    private void seed(int count, java.util.function.IntFunction<Instant> opened, java.util.function.IntUnaryOperator openStep,
                      int entriesPerCase, List<String> made) throws SQLException {
        // Oldest first: references, times and ids then grow together, so every index is appended to
        // rather than split all over (InnoDB has no change buffer since MariaDB 11).
        Instant[] openedAt = java.util.stream.IntStream.range(0, count).mapToObj(opened).sorted().toArray(Instant[]::new);
        db.setAutoCommit(false);
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(CHUNK, count - from);
            List<SeedRows.Case> chunk = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Instant at = openedAt[from + i];
                chunk.add(new SeedRows.Case(at, FictionalFamilies.next(random), workers.get(random.nextInt(workers.size())),
                        openStep.applyAsInt(from + i), seededKey.decrementAndGet()));
            }
            assignReferences(chunk);
            rows.referrals(chunk);
            rows.cases(chunk);
            tasks += rows.tasks(chunk, seededKey);
            openTasks += chunk.stream().filter(c -> c.openStep() >= 0).count();
            List<JourneyChainWriter.Entry> entries = rows.entries(chunk, entriesPerCase);
            JourneyChainWriter.append(db, entries);
            journeyEntries += entries.size();
            db.commit();
            chunk.forEach(c -> made.add(c.reference));
        }
        db.setAutoCommit(true);
    }

    /** Takes a block of numbers from each year's reference sequence, as CaseReferences would one by one. */
    private void assignReferences(List<SeedRows.Case> chunk) throws SQLException {
        java.util.Map<Integer, List<SeedRows.Case>> byYear = new java.util.TreeMap<>();
        chunk.forEach(c -> byYear.computeIfAbsent(c.openedAt().atZone(UK).getYear(), y -> new ArrayList<>()).add(c));
        for (var year : byYear.entrySet()) {
            int n = year.getValue().size();
            try (PreparedStatement reserve = db.prepareStatement("""
                    INSERT INTO case_reference_sequence (year, last_value) VALUES (?, LAST_INSERT_ID(?))
                    ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + ?)""")) {
                reserve.setInt(1, year.getKey());
                reserve.setInt(2, n);
                reserve.setInt(3, n);
                reserve.executeUpdate();
            }
            int last;
            try (Statement q = db.createStatement(); ResultSet rs = q.executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                last = rs.getInt(1);
            }
            int number = last - n + 1;
            for (SeedRows.Case c : year.getValue()) {
                c.reference = "FJ-%d-%06d".formatted(year.getKey(), number++);
            }
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /**
     * Fictional family support workers besides the demo ones, so 10,000 open cases spread over a
     * realistic team; they sign in with the demo password. Returns every worker's username.
     */
    static List<String> staff(Connection db, int extra) throws SQLException {
        List<String> all = new ArrayList<>(JourneySteps.WORKERS);
        SplittableRandom random = new SplittableRandom(3);
        try (PreparedStatement user = db.prepareStatement("""
                INSERT IGNORE INTO app_user (username, display_name, password_hash, enabled)
                SELECT ?, ?, password_hash, TRUE FROM app_user WHERE username = 'maya'""");
             PreparedStatement role = db.prepareStatement("INSERT IGNORE INTO app_user_role (username, role) VALUES (?, 'WORKER')")) {
            for (int i = 1; i <= extra; i++) {
                String username = "fsw%02d".formatted(i);
                user.setString(1, username);
                user.setString(2, FictionalFamilies.next(random).parentName());
                user.executeUpdate();
                role.setString(1, username);
                role.executeUpdate();
                all.add(username);
            }
        }
        return all;
    }
}
