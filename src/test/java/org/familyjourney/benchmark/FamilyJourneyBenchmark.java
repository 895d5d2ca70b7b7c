package org.familyjourney.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.familyjourney.FamilyJourneyApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The full benchmark (run by {@code ./mvnw -Pbenchmark test}; the normal build never runs it, its
 * name is not a test's): its own app in this JVM on its own fresh database in
 * target/benchmark-mariadb, the sizes of BenchmarkSettings, and the figures written into
 * BENCHMARKS.md between the result markers.
 */
class FamilyJourneyBenchmark {

    static final String COMMAND = "./mvnw -Pbenchmark test";
    private static final Path DATA = Path.of("target/benchmark-mariadb");
    private static final String BEGIN = "<!-- benchmark results: begin -->";
    private static final String END = "<!-- benchmark results: end -->";

    @Test
    void benchmark() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        String machine = Machine.describe();
        if (!settings.reuseData()) {
            FileSystemUtils.deleteRecursively(DATA);
        }
        long start = System.nanoTime();
        // As command-line arguments, so they win over application.yml (other apps on this machine hold the default ports).
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FamilyJourneyApplication.class).run(
                "--server.port=0", "--familyjourney.engine.port=0", "--familyjourney.engine.clock-control=true",
                "--familyjourney.database.port=0", "--familyjourney.database.data-dir=" + DATA, "--familyjourney.demo-users=true",
                "--logging.level.root=WARN",
                "--familyjourney.database.buffer-pool-size=" + System.getProperty("benchmark.buffer-pool", "512M"),
                "--familyjourney.database.redo-log-size=" + System.getProperty("benchmark.redo-log", "1G"))) {
            double startup = (System.nanoTime() - start) / 1e9;
            System.out.printf("[benchmark] started in %.1f s on %s%n", startup, machine);
            BenchmarkResults results = new Benchmark(app.getEnvironment()).run(settings);
            results.startupSeconds = startup;
            results.totalSeconds = (System.nanoTime() - start) / 1e9;
            String figures = results.markdown(COMMAND + commandOptions(), machine, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            System.out.println(figures);
            if (Boolean.parseBoolean(System.getProperty("benchmark.write", "true"))) {
                write(figures);
            }
        }
    }

    private static String commandOptions() {
        StringBuilder options = new StringBuilder();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("benchmark.")).sorted()
                .forEach(n -> options.append(" -D").append(n).append('=').append(System.getProperty(n)));
        return options.toString();
    }

    /** Replaces the figures between the markers of BENCHMARKS.md, keeping the prose around them. */
    private static void write(String figures) throws IOException {
        Path file = Path.of("BENCHMARKS.md");
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            text = text + "\n" + BEGIN + "\n" + END + "\n";
            begin = text.indexOf(BEGIN);
            end = text.indexOf(END);
        }
        Files.writeString(file, text.substring(0, begin + BEGIN.length()) + "\n" + figures + text.substring(end));
    }
}
