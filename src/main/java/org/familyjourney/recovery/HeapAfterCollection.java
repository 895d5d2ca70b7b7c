package org.familyjourney.recovery;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How full the heap is with what survived the last garbage collection, as a share of the most the
 * heap may grow to. The engine's in-memory state is what survives; what the app throws away between
 * collections does not count, so this is the measure to recycle on, not the heap "in use" at any moment.
 * The old generation's pool says it (G1 Old Gen, Tenured Gen, ...); with no such pool (ZGC's single
 * pool) the heap pools' sum after collection.
 */
final class HeapAfterCollection {

    private final List<MemoryPoolMXBean> pools;

    HeapAfterCollection() {
        this(ManagementFactory.getMemoryPoolMXBeans());
    }

    HeapAfterCollection(List<MemoryPoolMXBean> all) {
        List<MemoryPoolMXBean> heap = all.stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()).toList();
        List<MemoryPoolMXBean> old = heap.stream().filter(pool -> pool.getName().matches("(?i).*(old|tenured).*")).toList();
        this.pools = old.isEmpty() ? heap : old;
    }

    /** Used after the last collection over the heap's maximum (0..1); empty before any collection or with no maximum. */
    OptionalDouble share() {
        long max = Runtime.getRuntime().maxMemory();
        if (max == Long.MAX_VALUE || max <= 0) {
            return OptionalDouble.empty();
        }
        long used = 0;
        boolean collected = false;
        for (MemoryPoolMXBean pool : pools) {
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null && (after.getUsed() > 0 || after.getCommitted() > 0)) {
                used += after.getUsed();
                collected = true;
            }
        }
        return collected ? OptionalDouble.of((double) used / max) : OptionalDouble.empty();
    }
}
