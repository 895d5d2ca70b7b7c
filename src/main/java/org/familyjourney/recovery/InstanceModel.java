package org.familyjourney.recovery;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open instances of one engine run as its records describe them: each event record updates
 * where its instance stands. Remembers which instances changed or ended since the last write.
 * Not thread-safe: {@link RecordTailer} holds its own lock around it.
 */
final class InstanceModel {

    private final Map<Long, InstancePosition> instances = new HashMap<>();
    final Set<Long> dirty = new LinkedHashSet<>();
    final Set<Long> ended = new LinkedHashSet<>();
    /**
     * Variables of an instance not yet activated: Zeebe writes the variables given at creation before
     * the instance's own ELEMENT_ACTIVATING. Kept for a few reads, until their instance appears.
     */
    private final Map<Long, List<Object[]>> orphans = new LinkedHashMap<>();
    private final Map<Long, Integer> orphanAge = new HashMap<>();

    InstancePosition get(long key) {
        return instances.get(key);
    }

    Collection<InstancePosition> all() {
        return instances.values();
    }

    void clear() {
        instances.clear();
        dirty.clear();
        ended.clear();
        orphans.clear();
        orphanAge.clear();
    }

    /** After each read: variables whose instance never appeared are dropped after twenty reads. */
    void endOfRead() {
        orphanAge.replaceAll((key, age) -> age + 1);
        orphanAge.entrySet().removeIf(entry -> {
            boolean old = entry.getValue() > 20;
            if (old) {
                orphans.remove(entry.getKey());
            }
            return old;
        });
    }

    void apply(Record<?> record) {
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

    /**
     * Timers that fired in an earlier engine run and were re-created parked: they fired all the same,
     * so the next recovery must park them again (no TRIGGERED record will ever say so in this run).
     */
    void timersFiredBefore(long instanceKey, long elementKey, List<String> timers) {
        InstancePosition position = instances.get(instanceKey);
        if (position != null) {
            List<String> fired = position.firedTimers.computeIfAbsent(elementKey, scope -> new ArrayList<>());
            timers.stream().filter(timer -> !fired.contains(timer)).forEach(fired::add);
            changed(position.key);
        }
    }

    private void changed(long key) {
        dirty.add(key);
    }
}
