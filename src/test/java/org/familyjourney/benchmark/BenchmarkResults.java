package org.familyjourney.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one run, and how they read as Markdown against the targets. */
final class BenchmarkResults {

    final BenchmarkSettings settings;
    String loadBefore;
    String loadBeforeDrive;
    String loadAfter;
    double startupSeconds = Double.NaN;
    double totalSeconds = Double.NaN;
    int templateTasks;
    int templateEntries;
    long seededEntries;
    long seededTasks;
    long seededOpenTasks;
    double seedSeconds;
    String longCase;
    JourneyDriver.Result app;
    Map<String, Latencies> reads;
    String chain;
    double chainSeconds;
    Machine.Memory memoryAfterDrive;
    Machine.Memory memoryAtEnd;
    BareEngineRun.Result bare;
    Soak.Result soak;

    BenchmarkResults(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /** Bare engine's tasks/s over the app's: how many times slower the app makes the journey. */
    double appCost() {
        return bare.tasksPerSecond() / app.tasksPerSecond();
    }

    double p95(String prefix) {
        return reads.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(e -> e.getValue().percentile(95)).max().orElse(Double.NaN);
    }

    List<String> targets() {
        List<String> rows = new ArrayList<>();
        rows.add(row(">= 300 tasks/s end-to-end", "%.1f tasks/s".formatted(app.tasksPerSecond()), app.tasksPerSecond() >= 300));
        rows.add(row("app cost <= 2x the bare engine", "%.1fx (bare %.1f tasks/s)".formatted(appCost(), bare.tasksPerSecond()),
                appCost() <= 2));
        double visible = app.nextTaskVisible().percentile(95);
        rows.add(row("next task visible p95 <= 200 ms", "%.0f ms".formatted(visible), visible <= 200));
        rows.add(row("tasklist p95 <= 50 ms (page and API, worst)", "%.0f ms".formatted(Math.max(p95("tasklist"), p95("API list"))),
                Math.max(p95("tasklist"), p95("API list")) <= 50));
        rows.add(row("journey timeline p95 <= 50 ms (1,000 entries, worst of page and API)", "%.0f ms".formatted(p95("timeline")),
                p95("timeline") <= 50));
        rows.add(row("case search p95 <= 100 ms (worst query)", "%.0f ms".formatted(p95("search")), p95("search") <= 100));
        Machine.Memory end = memoryAtEnd;
        rows.add(row("RSS <= 1 GB", end.rssMb() + " MB at the end", end.rssMb() <= 1024));
        rows.add(soak == null ? "| RSS flat during a 30-minute soak | not run in this command (`-Dbenchmark.soak=PT30M`) | not measured |"
                : row("RSS flat during the soak (" + soak.length() + ")", soak.first() + " → " + soak.last() + " MB, max " + soak.max(),
                soak.flat()));
        return rows;
    }

    String markdown(String command, String machine, String date) {
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(date).append(" on ").append(machine).append(".\n\n");
        md.append("Command: `").append(command).append("`; JVM max heap ").append(Machine.maxHeap()).append(".\n\n");
        md.append("Load average (1, 5, 15 min): ").append(loadBefore).append(" before the run, ").append(loadBeforeDrive)
                .append(" before driving the journeys, ").append(loadAfter).append(" at the end.\n\n");
        md.append("| target | measured | met? |\n|---|---|---|\n");
        targets().forEach(r -> md.append(r).append('\n'));
        md.append("\n| figure | value |\n|---|---|\n");
        md.append("| whole benchmark, start-up to the end (without Maven's build) | %.0f s |\n".formatted(totalSeconds));
        md.append("| start-up (embedded MariaDB + engine + app, fresh data dir) | %.1f s |\n".formatted(startupSeconds));
        md.append("| seeded | %,d open cases (%,d open tasks), %,d closed cases, 1 case with %,d entries; %,d tasks and %,d journey entries in all, in %.0f s (pattern: a walked case with %d tasks and %d entries) |\n"
                .formatted(settings.openCases(), seededOpenTasks, settings.closedCases(), settings.timelineEntries(), seededTasks,
                        seededEntries, seedSeconds, templateTasks, templateEntries));
        md.append("| journeys driven | %d virtual users, %d journeys (%d tasks) in %.0f s, %d clock moves of %s; failures: %d; calls repeated after an engine recycle (503 sent again, 202 asked again): %d |\n"
                .formatted(settings.virtualUsers(), app.journeys(), app.tasks(), app.seconds(), app.clockJumps(), ClockMover.JUMP.toDays() + " days",
                        app.failures().size(), app.restartWaits()));
        md.append("| journeys/s, tasks/s end-to-end (app) | %.2f, %.1f |\n".formatted(app.journeysPerSecond(), app.tasksPerSecond()));
        md.append("| journeys/s, tasks/s (bare engine, trivial workers, same VUs) | %.2f, %.1f (%d journeys in %.0f s) |\n"
                .formatted(bare.journeysPerSecond(), bare.tasksPerSecond(), bare.journeys(), bare.seconds()));
        md.append("| task completed → next task visible in `GET /api/tasks?case=` | %s |\n".formatted(app.nextTaskVisible().summary()));
        md.append("| `POST /api/tasks/{id}/complete` | %s |\n".formatted(app.completeCall().summary()));
        md.append("| `POST /api/referrals` | %s |\n".formatted(app.referralCall().summary()));
        reads.forEach((name, l) -> md.append("| ").append(name).append(" | p50 %.1f ms, p95 %.1f ms (n=%d) |\n"
                .formatted(l.percentile(50), l.percentile(95), l.count())));
        md.append("| journey chain check over every entry | %.1f s: `%s` |\n".formatted(chainSeconds, chain));
        md.append("| memory after the journeys | %s |\n".formatted(memoryAfterDrive));
        md.append("| memory at the end (after the bare engine run too) | %s |\n".formatted(memoryAtEnd));
        if (soak != null) {
            md.append("| soak | %s |\n".formatted(soak));
        }
        if (!app.failures().isEmpty()) {
            md.append("\nFailures (first ones):\n\n").append(app.failures().stream().limit(5).map(f -> "- " + f)
                    .collect(Collectors.joining("\n"))).append('\n');
        }
        return md.toString();
    }

    private static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "met" : "**not met**") + " |";
    }
}
