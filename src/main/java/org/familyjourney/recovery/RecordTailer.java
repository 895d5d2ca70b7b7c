package org.familyjourney.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private final Map<Long, InstancePosition> instances = new HashMap<>();
    private final Set<Long> dirty = new LinkedHashSet<>();
    private final Set<Long> ended = new LinkedHashSet<>();
    /**
     * Variables of an instance not yet activated: Zeebe writes the variables given at creation before
     * the instance's own ELEMENT_ACTIVATING. Kept for a few reads, until their instance appears.
     */
    private final Map<Long, List<Object[]>> orphans = new LinkedHashMap<>();
    private final Map<Long, Integer> orphanAge = new HashMap<>();
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
            apply(all.get(index));
        }
        orphanAge.replaceAll((key, age) -> age + 1);
        orphanAge.entrySet().removeIf(entry -> {
            boolean old = entry.getValue() > 20;
            if (old) {
                orphans.remove(entry.getKey());
            }
            return old;
        });
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
        instances.clear();
        orphans.clear();
        orphanAge.clear();
        dirty.clear();
        ended.clear();
        tailedGeneration = generation.current();
    }

    /** Recovery writes the new run's positions in its own transaction, together with the old ones' removal. */
    synchronized void holdFlush(boolean hold) {
        flushHeld = hold;
    }

    synchronized Optional<InstancePosition> instance(long key) {
        return Optional.ofNullable(instances.get(key)).map(this::copy);
    }

    /** The instance a call activity's element instance started. */
    synchronized Optional<InstancePosition> childOf(long elementKey) {
        return instances.values().stream().filter(i -> Long.valueOf(elementKey).equals(i.parentElement)).findFirst().map(this::copy);
    }

    /** Instances (and their called children, at any depth) of one root instance. */
    synchronized List<InstancePosition> tree(long rootKey) {
        return instances.values().stream().filter(i -> i.root == rootKey).map(this::copy).toList();
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
        if (dirty.isEmpty() && ended.isEmpty()) {
            return;
        }
        long gen = tailedGeneration;
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> upserts = new ArrayList<>();
        for (Long key : dirty) {
            InstancePosition position = instances.get(key);
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

    private void apply(Record<?> record) {
        if (record.getRecordType() != RecordType.EVENT) {
            return;
        }
        switch (record.getValueType()) {
            case PROCESS_INSTANCE -> element(record, (ProcessInstanceRecordValue) record.getValue());
            case VARIABLE -> variable(record, (VariableRecordValue) record.getValue());
            case TIMER -> timer(record, (TimerRecordValue) record.getValue());
            case JOB -> job(record, (JobRecordValue) record.getValue());
            default -> { }
        }
    }

    private void element(Record<?> record, ProcessInstanceRecordValue value) {
        var intent = record.getIntent();
        boolean process = value.getBpmnElementType() == BpmnElementType.PROCESS;
        if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATING && process) {
            InstancePosition position = new InstancePosition();
            position.key = record.getKey();
            position.bpmnProcessId = value.getBpmnProcessId();
            position.definitionKey = value.getProcessDefinitionKey();
            long parent = value.getParentProcessInstanceKey();
            if (parent > 0) {
                position.parentInstance = parent;
                position.parentElement = value.getParentElementInstanceKey();
                InstancePosition parentPosition = instances.get(parent);
                position.root = parentPosition == null ? parent : parentPosition.root;
            } else {
                position.root = record.getKey();
            }
            instances.put(position.key, position);
            List<Object[]> early = orphans.remove(position.key);
            orphanAge.remove(position.key);
            if (early != null) {
                early.forEach(v -> position.variables.computeIfAbsent((Long) v[0], scope -> new LinkedHashMap<>())
                        .put((String) v[1], (String) v[2]));
            }
            changed(position.key);
        } else if (intent == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
            InstancePosition position = instances.get(value.getProcessInstanceKey());
            if (position != null) {
                position.elements.put(record.getKey(), new InstancePosition.Element(record.getKey(), value.getElementId(),
                        value.getBpmnElementType().name(), value.getFlowScopeKey()));
                changed(position.key);
            }
        } else if (intent == ProcessInstanceIntent.ELEMENT_COMPLETED || intent == ProcessInstanceIntent.ELEMENT_TERMINATED) {
            if (process) {
                if (instances.remove(record.getKey()) != null) {
                    dirty.remove(record.getKey());
                    ended.add(record.getKey());
                }
                return;
            }
            InstancePosition position = instances.get(value.getProcessInstanceKey());
            if (position != null) {
                position.elements.remove(record.getKey());
                position.variables.remove(record.getKey());
                position.firedTimers.remove(record.getKey());
                changed(position.key);
            }
        }
    }

    private void variable(Record<?> record, VariableRecordValue value) {
        var intent = record.getIntent();
        if (intent != VariableIntent.CREATED && intent != VariableIntent.UPDATED) {
            return;
        }
        InstancePosition position = instances.get(value.getProcessInstanceKey());
        if (position != null) {
            position.variables.computeIfAbsent(value.getScopeKey(), scope -> new LinkedHashMap<>()).put(value.getName(), value.getValue());
            changed(position.key);
        } else {
            orphans.computeIfAbsent(value.getProcessInstanceKey(), key -> new ArrayList<>())
                    .add(new Object[] {value.getScopeKey(), value.getName(), value.getValue()});
            orphanAge.putIfAbsent(value.getProcessInstanceKey(), 0);
        }
    }

    private void timer(Record<?> record, TimerRecordValue value) {
        if (record.getIntent() != TimerIntent.TRIGGERED) {
            return;
        }
        InstancePosition position = instances.get(value.getProcessInstanceKey());
        if (position != null) {
            position.firedTimers.computeIfAbsent(value.getElementInstanceKey(), scope -> new ArrayList<>()).add(value.getTargetElementId());
            changed(position.key);
        }
    }

    private void job(Record<?> record, JobRecordValue value) {
        if (record.getIntent() != JobIntent.CREATED) {
            return;
        }
        InstancePosition position = instances.get(value.getProcessInstanceKey());
        if (position != null && position.elements.get(value.getElementInstanceKey()) instanceof InstancePosition.Element element) {
            element.jobKey = record.getKey();
            changed(position.key);
        }
    }

    private void changed(long key) {
        dirty.add(key);
    }
}
