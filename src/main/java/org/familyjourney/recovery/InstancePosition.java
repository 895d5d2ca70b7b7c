package org.familyjourney.recovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one process instance of the embedded engine stands: its active element instances and its
 * variables per scope, as the record stream told us. Stored as JSON in instance_position; a new
 * engine run re-creates the instance from it.
 */
public final class InstancePosition {

    /** Element types that only hold other elements: activating what is inside them re-creates them. */
    static final List<String> CONTAINERS = List.of("SUB_PROCESS", "EVENT_SUB_PROCESS", "MULTI_INSTANCE_BODY", "PROCESS");

    public long key;
    public long root;
    public Long parentInstance;
    public Long parentElement;
    public String bpmnProcessId;
    public long definitionKey;
    /** Element instance key to the element; insertion order is activation order. */
    public Map<Long, Element> elements = new LinkedHashMap<>();
    /** Scope key (the instance's own key or an element instance key) to name to the value's JSON. */
    public Map<Long, Map<String, String>> variables = new LinkedHashMap<>();
    /** Element instance key (or the instance's own key) to the timers that fired while it was active. */
    public Map<Long, List<String>> firedTimers = new LinkedHashMap<>();

    public static final class Element {
        public long key;
        public String id;
        public String type;
        public long flowScope;
        public Long jobKey;

        public Element() {
        }

        Element(long key, String id, String type, long flowScope) {
            this.key = key;
            this.id = id;
            this.type = type;
            this.flowScope = flowScope;
        }

        boolean isContainer() {
            return CONTAINERS.contains(type);
        }
    }

    /** The steps to start before: active elements that are not containers (inner multi-instance ones stand in for their body). */
    List<Element> waitStates() {
        List<Element> leaves = new ArrayList<>();
        for (Element element : elements.values()) {
            if (!element.isContainer()) {
                leaves.add(element);
            }
        }
        return leaves;
    }

    Map<String, String> scope(long scopeKey) {
        return variables.getOrDefault(scopeKey, Map.of());
    }

    /** The loop counter of an inner multi-instance element, or null. */
    Integer loopCounter(long elementKey) {
        String counter = scope(elementKey).get("loopCounter");
        return counter == null ? null : Integer.valueOf(counter);
    }

    boolean inMultiInstance(Element element) {
        Element scope = elements.get(element.flowScope);
        return scope != null && "MULTI_INSTANCE_BODY".equals(scope.type);
    }

    boolean timerFired(long elementKey, String timerId) {
        return firedTimers.getOrDefault(elementKey, List.of()).contains(timerId);
    }
}
