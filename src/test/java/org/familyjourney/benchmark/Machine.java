package org.familyjourney.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine and this JVM as Linux and the JVM report them. */
final class Machine {

    record Memory(long heapUsedMb, long heapCommittedMb, long rssMb) {
        @Override
        public String toString() {
            return "heap used %d MB (after GC), heap committed %d MB, RSS %d MB".formatted(heapUsedMb, heapCommittedMb, rssMb);
        }
    }

    private Machine() {
    }

    /** The 1, 5 and 15-minute load averages, as uptime prints them. */
    static String load() {
        String[] parts = read("/proc/loadavg").split(" ");
        return parts.length < 3 ? "unknown" : parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    static String describe() {
        return "%d cores (%s), %d GB RAM, JDK %s (%s), %s".formatted(Runtime.getRuntime().availableProcessors(),
                cpuModel(), kilobytes("/proc/meminfo", "MemTotal") / 1024 / 1024, System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    static Memory memory() {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Memory(heap.getUsed() >> 20, heap.getCommitted() >> 20, rssMb());
    }

    /** The resident set of this JVM: VmRSS of /proc/self/status. */
    static long rssMb() {
        return kilobytes("/proc/self/status", "VmRSS") / 1024;
    }

    static String maxHeap() {
        return (Runtime.getRuntime().maxMemory() >> 20) + " MB";
    }

    private static String cpuModel() {
        Matcher m = Pattern.compile("model name\\s*:\\s*(.+)").matcher(read("/proc/cpuinfo"));
        return m.find() ? m.group(1).trim() : "unknown CPU";
    }

    private static long kilobytes(String file, String field) {
        Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(read(file));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
