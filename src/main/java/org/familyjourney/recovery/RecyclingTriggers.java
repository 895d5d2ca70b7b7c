package org.familyjourney.recovery;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.support.CronExpression;

/**
 * When to recycle the embedded engine: once it holds more than the configured number of records
 * (its heap grows with them), once what survives garbage collection fills the configured share of
 * the heap (the records' size varies: a soak ran the heap out before the count was reached), and on
 * the configured schedule (e.g. nightly at 03:00). Engine housekeeping, not a journey deadline: the
 * journey's own deadlines are all the engine's timers.
 */
class RecyclingTriggers implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RecyclingTriggers.class);

    private final EngineRecycler recycler;
    private final RecordTailer tailer;
    private final RecyclingProperties properties;
    private final HeapAfterCollection heap;
    private final CronExpression cron;
    private ScheduledExecutorService timer;
    private volatile LocalDateTime nextScheduled;
    private volatile long lastHeapRecycleNanos;
    private volatile boolean recycledForTheHeap;

    RecyclingTriggers(EngineRecycler recycler, RecordTailer tailer, RecyclingProperties properties, HeapAfterCollection heap) {
        this.recycler = recycler;
        this.tailer = tailer;
        this.properties = properties;
        this.heap = heap;
        this.cron = "-".equals(properties.cron()) ? null : CronExpression.parse(properties.cron());
    }

    @Override
    public void afterPropertiesSet() {
        nextScheduled = cron == null ? null : cron.next(LocalDateTime.now(ZoneId.systemDefault()));
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engine-recycling-check");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.checkEvery().toMillis();
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    void check() {
        try {
            if (tailer.recordCount() > properties.maxRecords()) {
                recycler.recycle("MAX_RECORDS");
            } else if (heapFull()) {
                lastHeapRecycleNanos = System.nanoTime();
                recycledForTheHeap = true;
                log.info("Recycling the embedded engine: the heap after collection is at or over {}% of its maximum",
                        properties.maxHeapPercent());
                recycler.recycle("HEAP");
            } else if (nextScheduled != null && !LocalDateTime.now(ZoneId.systemDefault()).isBefore(nextScheduled)) {
                nextScheduled = cron.next(LocalDateTime.now(ZoneId.systemDefault()));
                recycler.recycle("SCHEDULE");
            }
        } catch (RuntimeException e) {
            log.error("Recycling the embedded engine failed", e);
        }
    }

    /** Over the share, and not recycled for the heap in the last {@code heapRecycleEvery}. */
    private boolean heapFull() {
        if (properties.maxHeapPercent() == 0
                || recycledForTheHeap && System.nanoTime() - lastHeapRecycleNanos < properties.heapRecycleEvery().toNanos()) {
            return false;
        }
        return heap.share().orElse(0) * 100 >= properties.maxHeapPercent();
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
