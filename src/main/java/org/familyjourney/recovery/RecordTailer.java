package org.familyjourney.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.familyjourney.engine.EmbeddedEngine;
import org.familyjourney.engine.EngineGeneration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Follows the embedded engine's record stream and keeps, in MySQL, where every open process
 * instance stands (instance_position). Zeebe Process Test 8.8 appends only the new records to its
 * list on each read and returns a view of it, so reading from our own index costs only the new
 * records. Polls every {@code poll} ms and writes the changed instances in one batch; at shutdown
 * (after the jobs in hand are drained) it reads and writes one last time.
 */
public class RecordTailer {

    private static final Logger log = LoggerFactory.getLogger(RecordTailer.class);

    private final EmbeddedEngine engine;
    private final EngineGeneration generation;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final InstanceModel model = new InstanceModel();
    private ScheduledExecutorService poller;
    private int index;
    private long tailedGeneration;
    private boolean flushHeld;
    private volatile long lastPollNanos;
    private volatile long longestPollNanos;
    private volatile long records;

    RecordTailer(EmbeddedEngine engine, EngineGeneration generation, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.engine = engine;
        this.generation = generation;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.tailedGeneration = generation.current();
    }

    void start(long pollMillis) {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "engine-record-tailer");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        catchUp();
    }

    private void pollQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // The next poll reads from the same index again: nothing is skipped.
            log.warn("Could not record where the engine's instances stand; trying again", e);
        }
    }

    /** Reads every new record and, unless recovery holds it, writes the changed instances. */
    synchronized void catchUp() {
        read();
        if (!flushHeld) {
            flush();
        }
    }

    /** Reads every new record into the model without writing it. */
    synchronized void read() {
        long started = System.nanoTime();
        List<Record<?>> all = records();
        int size = all.size();
        for (; index < size; index++) {
            model.apply(all.get(index));
        }
        model.endOfRead();
        records = size;
        lastPollNanos = System.nanoTime() - started;
        longestPollNanos = Math.max(longestPollNanos, lastPollNanos);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Record<?>> records() {
        Iterable<Record<?>> source = engine.engine().getRecordStreamSource().getRecords();
        if (source instanceof List list) {
            return list;
        }
        List<Record<?>> copy = new ArrayList<>();
        source.forEach(copy::add);
        return copy;
    }

    /**
     * Replaces the engine (and starts the new generation) while no read runs, then follows the new
     * engine's stream from its start, under the new generation.
     */
    synchronized void followReplacement(Runnable replaceEngine) {
        replaceEngine.run();
        restartOnNewEngine();
    }

    private void restartOnNewEngine() {
        index = 0;
        longestPollNanos = 0;
        model.clear();
        tailedGeneration = generation.current();
    }

    /** Recovery writes the new run's positions in its own transaction, together with the old ones' removal. */
    synchronized void holdFlush(boolean hold) {
        flushHeld = hold;
    }

    synchronized Optional<InstancePosition> instance(long key) {
        return Optional.ofNullable(model.get(key)).map(this::copy);
    }

    /** The instance a call activity's element instance started. */
    /** See {@link InstanceModel#timersFiredBefore}. */
    synchronized void timersFiredBefore(long instanceKey, long elementKey, List<String> timers) {
        model.timersFiredBefore(instanceKey, elementKey, timers);
    }

    synchronized Optional<InstancePosition> childOf(long elementKey) {
        return model.all().stream().filter(i -> Long.valueOf(elementKey).equals(i.parentElement)).findFirst().map(this::copy);
    }

    /** Instances (and their called children, at any depth) of one root instance. */
    synchronized List<InstancePosition> tree(long rootKey) {
        return model.all().stream().filter(i -> i.root == rootKey).map(this::copy).toList();
    }

    long recordCount() {
        return records;
    }

    long lastPollNanos() {
        return lastPollNanos;
    }

    /** The longest read of new records on this engine run so far. */
    long longestPollNanos() {
        return longestPollNanos;
    }

    private InstancePosition copy(InstancePosition position) {
        try {
            return json.readValue(json.writeValueAsBytes(position), InstancePosition.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void flush() {
        Set<Long> dirty = model.dirty;
        Set<Long> ended = model.ended;
        if (dirty.isEmpty() && ended.isEmpty()) {
            return;
        }
        long gen = tailedGeneration;
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> upserts = new ArrayList<>();
        for (Long key : dirty) {
            InstancePosition position = model.get(key);
            if (position != null) {
                upserts.add(new Object[] {gen, key, position.root, position.parentInstance, position.parentElement,
                        position.bpmnProcessId, position.definitionKey, toJson(position), now});
            }
        }
        if (!upserts.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO instance_position (engine_generation, process_instance_key, root_instance_key,
                        parent_instance_key, parent_element_key, bpmn_process_id, process_definition_key, state, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE state = VALUES(state), updated_at = VALUES(updated_at)""", upserts);
        }
        if (!ended.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM instance_position WHERE engine_generation = ? AND process_instance_key = ?",
                    ended.stream().map(key -> new Object[] {gen, key}).toList());
        }
        dirty.clear();
        ended.clear();
    }

    private String toJson(InstancePosition position) {
        try {
            return json.writeValueAsString(position);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An instance position could not be written as JSON", e);
        }
    }

}
