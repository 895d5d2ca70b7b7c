package org.familyjourney.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.familyjourney.support.TestApi;
import org.springframework.core.env.Environment;

/**
 * The benchmark itself, against an app already running (its own in the full run, the shared test
 * app in the smoke test): walk a few journeys as a warm-up and as the pattern for seeded cases, seed,
 * drive journeys, time the reads, check the journey chain, measure the memory, then run the same
 * models on a bare engine, and optionally soak.
 */
final class Benchmark {

    private final Environment environment;
    private final TestApi api;
    private final int port;

    Benchmark(Environment environment) {
        this.environment = environment;
        this.api = new TestApi(environment);
        this.port = Integer.parseInt(environment.getProperty("local.server.port"));
    }

    BenchmarkResults run(BenchmarkSettings settings) throws SQLException, InterruptedException {
        BenchmarkResults results = new BenchmarkResults(settings);
        results.loadBefore = Machine.load();
        say("load before: " + results.loadBefore);

        JourneyDriver driver = new JourneyDriver(api);
        JourneyDriver.Result warmUp = driver.run(Math.min(3, settings.virtualUsers()), 3, Duration.ofMinutes(2));
        if (warmUp.references().isEmpty()) {
            throw new AssertionError("No warm-up journey finished: " + warmUp.failures());
        }
        say("warm-up: " + warmUp.journeys() + " journeys, failures " + warmUp.failures());

        long seedStart = System.nanoTime();
        if (settings.reuseData()) {
            try (Connection owner = ownerConnection(); var q = owner.createStatement(); var rs = q.executeQuery(
                    "SELECT case_reference FROM journey_entry GROUP BY case_reference ORDER BY COUNT(*) DESC LIMIT 1")) {
                rs.next();
                results.longCase = rs.getString(1);
            }
        } else try (Connection owner = ownerConnection()) {
            SeedTemplate template = SeedTemplate.read(owner, warmUp.references().getFirst());
            results.templateTasks = template.tasks().size();
            results.templateEntries = template.entries().size();
            Seeder seeder = new Seeder(this::ownerConnection, template, Seeder.staff(owner, settings.extraWorkers()));
            Instant now = Instant.parse(api.get("admin", "/api/engine/clock").text("now"));
            seeder.openCases(settings.openCases(), now);
            say("seeded open cases: " + settings.openCases() + " in " + seconds(seedStart) + " s");
            seeder.closedCases(settings.closedCases(), now);
            results.longCase = seeder.longCase(settings.timelineEntries(), now);
            results.seededEntries = seeder.journeyEntries.get();
            results.seededTasks = seeder.tasks.get();
            results.seededOpenTasks = seeder.openTasks.get();
        }
        results.seedSeconds = seconds(seedStart);
        say("seeded in " + results.seedSeconds + " s: " + results.seededEntries + " journey entries, " + results.seededTasks + " tasks");

        results.loadBeforeDrive = Machine.load();
        results.app = driver.run(settings.virtualUsers(), settings.journeys(), settings.journeyTime());
        say("journeys: " + results.app.journeys() + " in " + results.app.seconds() + " s, tasks/s " + results.app.tasksPerSecond()
                + ", next task visible " + results.app.nextTaskVisible().summary() + ", failures " + results.app.failures());

        results.reads = new ReadProbes(api, port, settings.samples()).run(results.longCase, "maya");
        results.reads.forEach((name, l) -> say(name + ": " + l.summary()));

        long chainStart = System.nanoTime();
        results.chain = chainCheck();
        results.chainSeconds = seconds(chainStart);
        say("journey chain: " + results.chain + " in " + results.chainSeconds + " s");

        results.memoryAfterDrive = Machine.memory();
        say("memory: " + results.memoryAfterDrive);

        try (BareEngineRun bare = new BareEngineRun()) {
            results.bare = bare.run(settings.virtualUsers(), settings.journeys(), settings.bareTime());
        }
        say("bare engine: " + results.bare.journeys() + " journeys, tasks/s " + results.bare.tasksPerSecond());

        if (!settings.soak().isZero()) {
            results.soak = new Soak(driver, settings.virtualUsers()).run(settings.soak(), this::engineRecoveries);
            say("soak: " + results.soak);
        }
        results.memoryAtEnd = Machine.memory();
        results.loadAfter = Machine.load();
        say("load after: " + results.loadAfter);
        return results;
    }

    /** The tamper check over millions of entries takes longer than TestApi's 30 s request timeout. */
    private String chainCheck() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/audit/journey-chain"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("alex:" + TestApi.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10)).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the schema owner, the user Flyway migrates with, with batched inserts rewritten into multi-row ones. */
    /** How many times the engine has been replaced and its open cases recovered (each is a row). */
    private int engineRecoveries() {
        try (Connection owner = ownerConnection(); var q = owner.createStatement();
             var rs = q.executeQuery("SELECT COUNT(*) FROM engine_recovery")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not count the engine's recoveries", e);
        }
    }

    private Connection ownerConnection() throws SQLException {
        String url = environment.getRequiredProperty("spring.datasource.url");
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true",
                environment.getProperty("spring.flyway.user", environment.getProperty("spring.datasource.username")),
                environment.getProperty("spring.flyway.password", environment.getProperty("spring.datasource.password")));
    }

    private void say(String line) {
        System.out.println("[benchmark] " + line);
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }
}
