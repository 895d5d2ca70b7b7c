package org.familyjourney.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1;
import io.camunda.client.api.command.ModifyProcessInstanceCommandStep1.ModifyProcessInstanceCommandStep2;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.familyjourney.recovery.InstancePosition.Element;

/**
 * Re-creates one process instance tree of an earlier engine run on the new engine: the root at its
 * open steps with its variables, then each called child (which the new call activity started afresh)
 * moved to its recorded steps. Timers that had already fired are given a date far in the future while
 * their element is re-activated, so a reminder or escalation is not sent twice; their variables get
 * their real values back once the tree stands. Job workers are closed all the while, so no job of a
 * step about to be replaced runs.
 */
class TreeRecreation {

    /** The date a fired timer is parked at while its element is re-activated. */
    static final String PARKED = "2999-12-31T23:59:59Z";

    /** The result: old instance key to new, the variables to put back, and the new jobs standing for old ones. */
    static final class Recreated {
        final long oldGeneration;
        final long oldRoot;
        final Map<Long, Long> instances = new LinkedHashMap<>();
        final Map<Long, Map<String, Object>> restore = new LinkedHashMap<>();
        final Map<Long, Long> jobs = new LinkedHashMap<>();

        Recreated(long oldGeneration, long oldRoot) {
            this.oldGeneration = oldGeneration;
            this.oldRoot = oldRoot;
        }

        long newRoot() {
            return instances.get(oldRoot);
        }
    }

    private final CamundaClient client;
    private final RecordTailer tailer;
    private final RecoveredVersions versions;
    private final ObjectMapper json;
    private final Runnable settle;

    TreeRecreation(CamundaClient client, RecordTailer tailer, RecoveredVersions versions, ObjectMapper json, Runnable settle) {
        this.client = client;
        this.tailer = tailer;
        this.versions = versions;
        this.json = json;
        this.settle = settle;
    }

    /** A root started on the new engine at its open steps, still to be matched with its recorded position. */
    record Started(Recreated result, InstancePosition root, long newRoot, List<InstancePosition> tree) {
    }

    /**
     * Starts the tree's root at its open steps. Many roots can be started before the engine is let
     * settle once (waiting for it to go idle is most of the time a tree takes), then each is finished.
     */
    Started start(long oldGeneration, List<InstancePosition> tree) {
        InstancePosition root = tree.stream().filter(i -> i.key == i.root).findFirst()
                .orElseThrow(() -> new IllegalStateException("An instance tree without its root"));
        Recreated result = new Recreated(oldGeneration, root.key);
        Map<String, Object> restore = new HashMap<>();
        Map<String, Object> variables = parkFiredTimers(oldGeneration, root, values(root.scope(root.key)), restore);
        CreateProcessInstanceCommandStep3 create = client.newCreateInstanceCommand()
                .processDefinitionKey(versions.definitionKey(oldGeneration, root.definitionKey)).variables(variables);
        List<String> steps = startingSteps(root);
        if (steps.isEmpty()) {
            throw new IllegalStateException("No open step recorded");
        }
        for (String step : steps) {
            create = create.startBeforeElement(step);
        }
        long newRoot = create.send().join().getProcessInstanceKey();
        result.instances.put(root.key, newRoot);
        result.restore.put(newRoot, restore);
        return new Started(result, root, newRoot, tree);
    }

    /** Once the engine has settled after {@link #start}: local variables, fired timers, jobs and called children. */
    Recreated finish(Started started) {
        reconcile(started.result(), started.root(), started.newRoot(), started.tree());
        return started.result();
    }

    /** Steps to start before: each wait state once, a multi-instance element once per body. */
    private static List<String> startingSteps(InstancePosition instance) {
        List<String> steps = new ArrayList<>();
        Set<Long> bodies = new HashSet<>();
        for (Element leaf : instance.waitStates()) {
            if (!instance.inMultiInstance(leaf) || bodies.add(leaf.flowScope)) {
                steps.add(leaf.id);
            }
        }
        return steps;
    }

    private void reconcile(Recreated result, InstancePosition old, long newKey, List<InstancePosition> tree) {
        InstancePosition now = current(newKey);
        List<Long> surplus = surplusLoopInstances(old, now);
        if (!surplus.isEmpty()) {
            modify(newKey, List.of(), surplus);
            now = current(newKey);
        }
        for (Map.Entry<Long, Map<String, String>> scope : old.variables.entrySet()) {
            Element oldScope = old.elements.get(scope.getKey());
            Optional<Element> newScope = oldScope == null ? Optional.empty() : match(old, oldScope, now);
            if (newScope.isPresent()) {
                Map<String, Object> local = values(scope.getValue());
                local.remove("loopCounter");
                if (!local.isEmpty()) {
                    client.newSetVariablesCommand(newScope.get().key).variables(local).local(true).send().join();
                }
            }
        }
        carryFiredTimers(old, now);
        for (Element leaf : old.waitStates()) {
            Optional<Element> counterpart = match(old, leaf, now);
            if (counterpart.isPresent() && leaf.jobKey != null && counterpart.get().jobKey != null) {
                result.jobs.put(counterpart.get().jobKey, leaf.jobKey);
            }
            if (!"CALL_ACTIVITY".equals(leaf.type) || counterpart.isEmpty()) {
                continue;
            }
            Optional<InstancePosition> oldChild = tree.stream().filter(i -> Long.valueOf(leaf.key).equals(i.parentElement)).findFirst();
            Optional<InstancePosition> newChild = tailer.childOf(counterpart.get().key);
            if (oldChild.isPresent() && newChild.isPresent()) {
                moveChild(result, oldChild.get(), newChild.get(), tree);
            }
        }
    }

    /** Timers that fired on an earlier run stay fired on this one, so a later recycle parks them again. */
    private void carryFiredTimers(InstancePosition old, InstancePosition now) {
        old.firedTimers.forEach((oldKey, timers) -> {
            Optional<Long> newKey = oldKey == old.key ? Optional.of(now.key)
                    : Optional.ofNullable(old.elements.get(oldKey)).flatMap(element -> match(old, element, now)).map(element -> element.key);
            newKey.ifPresent(key -> tailer.timersFiredBefore(now.key, key, timers));
        });
    }

    /** The new call activity started its child from the start: move it to the recorded steps, with the recorded variables. */
    private void moveChild(Recreated result, InstancePosition old, InstancePosition fresh, List<InstancePosition> tree) {
        result.instances.put(old.key, fresh.key);
        Map<String, Object> restore = new HashMap<>();
        Map<String, Object> variables = parkFiredTimers(result.oldGeneration, old, values(old.scope(old.key)), restore);
        client.newSetVariablesCommand(fresh.key).variables(variables).send().join();
        result.restore.put(fresh.key, restore);
        List<Long> started = fresh.elements.values().stream().filter(e -> e.flowScope == fresh.key).map(e -> e.key).toList();
        modify(fresh.key, startingSteps(old), started);
        reconcile(result, old, fresh.key, tree);
    }

    /** Activations first, with the instance itself as ancestor (fresh scopes), then terminations, in one command. */
    private void modify(long instanceKey, List<String> activate, List<Long> terminate) {
        ModifyProcessInstanceCommandStep1 start = client.newModifyProcessInstanceCommand(instanceKey);
        ModifyProcessInstanceCommandStep2 step = null;
        for (String element : activate) {
            step = (step == null ? start : step.and()).activateElement(element, instanceKey);
        }
        for (Long element : terminate) {
            step = (step == null ? start : step.and()).terminateElement(element);
        }
        if (step != null) {
            step.send().join();
            settle.run();
        }
    }

    /** Inner instances of a multi-instance the new engine made for items that were already finished. */
    private static List<Long> surplusLoopInstances(InstancePosition old, InstancePosition now) {
        List<Long> surplus = new ArrayList<>();
        for (Element body : old.elements.values()) {
            if (!"MULTI_INSTANCE_BODY".equals(body.type)) {
                continue;
            }
            Set<Integer> open = new HashSet<>();
            old.elements.values().stream().filter(e -> e.flowScope == body.key).forEach(e -> open.add(old.loopCounter(e.key)));
            for (Element newBody : now.elements.values()) {
                if (newBody.id.equals(body.id) && "MULTI_INSTANCE_BODY".equals(newBody.type)) {
                    now.elements.values().stream().filter(e -> e.flowScope == newBody.key && !open.contains(now.loopCounter(e.key)))
                            .forEach(e -> surplus.add(e.key));
                }
            }
        }
        return surplus;
    }

    /** The new element standing for an old one: same id, same loop counter, else the same place among its namesakes. */
    static Optional<Element> match(InstancePosition old, Element element, InstancePosition now) {
        Integer counter = old.loopCounter(element.key);
        List<Element> namesakes = now.elements.values().stream().filter(e -> e.id.equals(element.id)).toList();
        if (counter != null) {
            return namesakes.stream().filter(e -> counter.equals(now.loopCounter(e.key))).findFirst();
        }
        List<Element> oldNamesakes = old.elements.values().stream().filter(e -> e.id.equals(element.id)).toList();
        int place = oldNamesakes.indexOf(element);
        return place >= 0 && place < namesakes.size() ? Optional.of(namesakes.get(place)) : Optional.empty();
    }

    private Map<String, Object> parkFiredTimers(long oldGeneration, InstancePosition old, Map<String, Object> variables,
                                                Map<String, Object> restore) {
        for (List<String> timers : old.firedTimers.values()) {
            for (String timer : timers) {
                versions.timerVariable(oldGeneration, old.definitionKey, timer).filter(variables::containsKey).ifPresent(name -> {
                    restore.putIfAbsent(name, variables.get(name));
                    variables.put(name, PARKED);
                });
            }
        }
        return variables;
    }

    private InstancePosition current(long key) {
        return tailer.instance(key).orElseThrow(() -> new IllegalStateException("The new engine has no instance " + key));
    }

    private Map<String, Object> values(Map<String, String> scope) {
        Map<String, Object> values = new LinkedHashMap<>();
        scope.forEach((name, value) -> {
            try {
                values.put(name, json.readValue(value, Object.class));
            } catch (IOException e) {
                throw new IllegalStateException("Variable " + name + " is not JSON", e);
            }
        });
        return values;
    }
}
