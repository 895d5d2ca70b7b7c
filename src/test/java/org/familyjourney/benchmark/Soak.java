package org.familyjourney.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Journeys driven for a long while with the JVM's resident set sampled every 30 s: does memory stay flat? */
final class Soak {

    record Result(Duration length, Duration ranFor, int journeys, int waitingForFollowUp, List<Long> rssMb, List<Long> heapMb,
                  int engineRecycles, List<String> failures, int restartWaits) {
        long first() {
            return rssMb.getFirst();
        }

        long last() {
            return rssMb.getLast();
        }

        long max() {
            return Collections.max(rssMb);
        }

        /**
         * Flat: journeys went on for the whole length (a soak its users gave up on early proves nothing
         * about the rest), and the second half never rises more than 10% above the first half's highest.
         */
        boolean flat() {
            if (journeys == 0 || ranFor.compareTo(length.multipliedBy(95).dividedBy(100)) < 0) {
                return false;
            }
            long firstHalf = Collections.max(rssMb.subList(0, Math.max(1, rssMb.size() / 2)));
            return Collections.max(rssMb.subList(rssMb.size() / 2, rssMb.size())) <= firstHalf * 1.10;
        }

        @Override
        public String toString() {
            return ("%s (driven for %d min %d s), %d journeys (%d more waiting for their follow-up at the end), %d engine recycles, RSS %d MB at the start, %d MB at the end, %d MB at most, samples %s; "
                    + "heap used (no GC forced) %s; calls repeated after a recycle (503 sent again, 202 asked again): %d; failures %d%s").formatted(length,
                    ranFor.toMinutes(), ranFor.toSecondsPart(), journeys, waitingForFollowUp, engineRecycles, first(), last(), max(), rssMb, heapMb, restartWaits, failures.size(),
                    failures.isEmpty() ? "" : " (first: " + failures.getFirst() + "; by kind: " + kinds() + ")");
        }

        /** The failures by what went wrong, without the case reference or the answer's body. */
        private java.util.Map<String, Long> kinds() {
            return failures.stream().map(f -> f.replaceFirst("^FJ-[0-9-]+: ", "").replaceFirst(" \\{.*", ""))
                    .collect(java.util.stream.Collectors.groupingBy(f -> f, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        }
    }

    private final JourneyDriver driver;
    private final int virtualUsers;

    Soak(JourneyDriver driver, int virtualUsers) {
        this.driver = driver;
        this.virtualUsers = virtualUsers;
    }

    /** Drives journeys for {@code length}; {@code recycles} counts the engine's recycles so far (from the database). */
    Result run(Duration length, java.util.function.IntSupplier recycles) throws InterruptedException {
        int recyclesBefore = recycles.getAsInt();
        List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        List<Long> heap = Collections.synchronizedList(new ArrayList<>());
        samples.add(Machine.rssMb());
        heap.add(heapUsedMb());
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    Thread.sleep(30_000);
                    samples.add(Machine.rssMb());
                    heap.add(heapUsedMb());
                }
            } catch (InterruptedException stopped) {
                // the soak is over
            }
        });
        long started = System.nanoTime();
        JourneyDriver.Result driven = driver.run(virtualUsers, 0, length);
        Duration ranFor = Duration.ofNanos(System.nanoTime() - started);
        sampler.interrupt();
        sampler.join();
        samples.add(Machine.rssMb());
        heap.add(heapUsedMb());
        return new Result(length, ranFor, driven.journeys(), driven.waitingForFollowUp(), List.copyOf(samples), List.copyOf(heap), recycles.getAsInt() - recyclesBefore,
                driven.failures(), driven.restartWaits());
    }

    private static long heapUsedMb() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
