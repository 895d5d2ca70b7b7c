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
    private static final int STREAMS = 2;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** A new connection as the schema owner. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final SeedTemplate template;
    private final SplittableRandom random = new SplittableRandom(8);
    private final AtomicLong seededKey = new AtomicLong(-1_000_000_000L * 1_000);
    private final List<String> workers;
    final AtomicLong journeyEntries = new AtomicLong();
    final AtomicLong tasks = new AtomicLong();
    final AtomicLong openTasks = new AtomicLong();

    Seeder(Connections connections, SeedTemplate template, List<String> workers) {
        this.connections = connections;
        this.template = template;
        this.workers = workers;
    }

    /** Open cases, each at a random step of the walk with that step's task open, opened in the last 90 days. */
    void openCases(int count, Instant now) throws SQLException, InterruptedException {
        int steps = Math.min(template.tasks().size(), 9);
        seed(count, i -> now.minus(Duration.ofMinutes(30 + random.nextLong(90L * 24 * 60))), i -> random.nextInt(steps));
    }

    /** Closed cases with their whole journey, opened over the three years before the last 200 days. */
    void closedCases(int count, Instant now) throws SQLException, InterruptedException {
        seed(count, i -> now.minus(Duration.ofDays(200 + random.nextLong(3 * 365))).minusSeconds(random.nextLong(86_400)), i -> -1);
    }

    /** One closed case whose journey has {@code entries} entries (the walk's, repeated); returns its reference. */
    String longCase(int entries, Instant now) throws SQLException, InterruptedException {
        List<String> made = java.util.Collections.synchronizedList(new ArrayList<>());
        seed(1, i -> now.minus(Duration.ofDays(400)), i -> -1, entries, made);
        return made.getFirst();
    }

    private void seed(int count, java.util.function.IntFunction<Instant> opened, java.util.function.IntUnaryOperator openStep)
            throws SQLException, InterruptedException {
        seed(count, opened, openStep, 0, java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    /**
     * Oldest first: references, times and ids then grow together, so every index is appended to
     * rather than split all over (InnoDB has no change buffer since MariaDB 11). Two streams of chunks
     * on two connections: one prepares and inserts its cases while the other appends its journey
     * entries (the chain head admits one at a time).
     */
    private void seed(int count, java.util.function.IntFunction<Instant> opened, java.util.function.IntUnaryOperator openStep,
                      int entriesPerCase, List<String> made) throws SQLException, InterruptedException {
        Instant[] openedAt = java.util.stream.IntStream.range(0, count).mapToObj(opened).sorted().toArray(Instant[]::new);
        List<SeedRows.Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(new SeedRows.Case(openedAt[i], FictionalFamilies.next(random), workers.get(random.nextInt(workers.size())),
                    openStep.applyAsInt(i), seededKey.decrementAndGet()));
        }
        int streams = count > CHUNK ? STREAMS : 1;
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<Exception> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int s = 0; s < streams; s++) {
            int stream = s;
            threads.add(Thread.ofPlatform().name("seed-" + s).start(() -> {
                try (Connection db = connections.open()) {
                    SeedRows rows = new SeedRows(db, template);
                    for (int from = stream * CHUNK; from < count; from += streams * CHUNK) {
                        List<SeedRows.Case> chunk = cases.subList(from, Math.min(count, from + CHUNK));
                        db.setAutoCommit(true);
                        assignReferences(db, chunk);
                        db.setAutoCommit(false);
                        rows.referrals(chunk);
                        rows.cases(chunk);
                        tasks.addAndGet(rows.tasks(chunk, seededKey));
                        openTasks.addAndGet(chunk.stream().filter(c -> c.openStep() >= 0).count());
                        List<JourneyChainWriter.Entry> entries = rows.entries(chunk, entriesPerCase);
                        JourneyChainWriter.append(db, entries);
                        journeyEntries.addAndGet(entries.size());
                        db.commit();
                        chunk.forEach(c -> made.add(c.reference));
                    }
                } catch (SQLException | RuntimeException e) {
                    failed.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failed.isEmpty()) {
            throw new SQLException("Seeding failed", failed.peek());
        }
    }

    /** Takes a block of numbers from each year's reference sequence, as CaseReferences would one by one. */
    private static void assignReferences(Connection db, List<SeedRows.Case> chunk) throws SQLException {
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
