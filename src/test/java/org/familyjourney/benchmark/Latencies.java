package org.familyjourney.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations in milliseconds, collected from many threads, read as percentiles. */
final class Latencies {

    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

    void addNanos(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    /** Times the call and records its duration. */
    <T> T time(java.util.function.Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        addNanos(System.nanoTime() - start);
        return result;
    }

    int count() {
        return millis.size();
    }

    /** The p-th percentile (nearest rank), or NaN with no samples. */
    double percentile(double p) {
        List<Double> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    String summary() {
        return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)".formatted(percentile(50), percentile(95), percentile(99), count());
    }
}
