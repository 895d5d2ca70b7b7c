package org.familyjourney.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.familyjourney.engine.EmbeddedEngine;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.recovery.TreeRecreation.Recreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-creates, on a fresh embedded engine, every process instance an earlier engine run left open
 * (instance_position), then, in one transaction, moves our stored keys to the new instances, links
 * each new job to the old one it stands for, records the recovery in each case's journey and forgets
 * the old positions. Until that transaction commits nothing of the new run is stored: if the app dies
 * half way, the next start recovers from the old positions again. Runs while job workers are closed.
 */
public class Recovery {

    /** Trees whose roots are started before the engine is let settle: one wait for idle serves them all. */
    private static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    /**
     * Tables whose rows name a process instance by (engine_generation, process_instance_key) and look it up by them.
     * Each has an index on the pair (V125): without one, moving each recovered instance read every row.
     */
    static final List<String> INSTANCE_TABLES = List.of("family_case", "referral", "safeguarding_concern", "onward_referral",
            "case_retention");

    public record Outcome(long generation, int instances, int cases, int failed, Duration took) {
    }

    private final CamundaClient client;
    private final EmbeddedEngine engine;
    private final EngineGeneration generation;
    private final RecordTailer tailer;
    private final RecoveredVersions versions;
    private final ProcessCatalog processes;
    private final JourneyLog journey;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    Recovery(CamundaClient client, EmbeddedEngine engine, EngineGeneration generation, RecordTailer tailer,
             ProcessCatalog processes, JourneyLog journey, JdbcTemplate jdbc, TransactionTemplate transaction,
             ObjectMapper json, Clock clock) {
        this.client = client;
        this.engine = engine;
        this.generation = generation;
        this.tailer = tailer;
        this.versions = new RecoveredVersions(client, generation, jdbc, clock);
        this.processes = processes;
        this.journey = journey;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /** Recovers every instance stored under an earlier generation than the current one (at start-up). */
    public Outcome recoverEarlierRuns(String reason) {
        return recoverEarlierRuns(reason, null);
    }

    /** Recovers the instances of one earlier generation (recycling), or of every earlier one when null. */
    public synchronized Outcome recoverEarlierRuns(String reason, Long onlyGeneration) {
        long current = generation.current();
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        Map<String, List<InstancePosition>> trees = new LinkedHashMap<>();
        Map<String, Long> treeGeneration = new LinkedHashMap<>();
        jdbc.query("SELECT engine_generation, root_instance_key, state FROM instance_position WHERE engine_generation < ? "
                + "AND (? IS NULL OR engine_generation = ?) ORDER BY engine_generation, root_instance_key, process_instance_key", rs -> {
            String tree = rs.getLong(1) + ":" + rs.getLong(2);
            trees.computeIfAbsent(tree, t -> new ArrayList<>()).add(read(rs.getString(3)));
            treeGeneration.put(tree, rs.getLong(1));
        }, current, onlyGeneration, onlyGeneration);
        if (trees.isEmpty()) {
            return new Outcome(current, 0, 0, 0, Duration.ZERO);
        }
        TreeRecreation recreation = new TreeRecreation(client, tailer, versions, json, this::settle);
        List<Recreated> done = new ArrayList<>();
        List<String> failedTrees = new ArrayList<>();
        tailer.holdFlush(true);
        try {
            versions.begin();
            List<Map.Entry<String, List<InstancePosition>>> all = new ArrayList<>(trees.entrySet());
            for (int from = 0; from < all.size(); from += BATCH) {
                recreateBatch(recreation, all.subList(from, Math.min(all.size(), from + BATCH)), treeGeneration, done, failedTrees);
            }
            versions.end();
            for (Recreated tree : done) {
                tree.restore.forEach((instance, variables) -> {
                    if (!variables.isEmpty()) {
                        client.newSetVariablesCommand(instance).variables(variables).send().join();
                    }
                });
            }
            settle();
            int[] cases = {0};
            int instances = done.stream().mapToInt(t -> t.instances.size()).sum();
            transaction.executeWithoutResult(tx -> {
                tailer.flush();
                for (Recreated tree : done) {
                    cases[0] += commit(tree, current) ? 1 : 0;
                }
                jdbc.update("""
                        INSERT INTO engine_recovery (engine_generation, reason, started_at, finished_at, instances, cases, failed)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""", current, reason, Timestamp.from(started), Timestamp.from(clock.instant()),
                        instances, cases[0], failedTrees.size());
            });
            Outcome outcome = new Outcome(current, instances, cases[0], failedTrees.size(), Duration.ofNanos(System.nanoTime() - startedNanos));
            log.info("Engine generation {}: recovered {} process instance(s) of {} case(s) from earlier engine runs in {} ms ({}); {} failed",
                    current, instances, outcome.cases(), outcome.took().toMillis(), reason, outcome.failed());
            return outcome;
        } finally {
            tailer.holdFlush(false);
        }
    }

    /** Moves our keys to the new instances and jobs, records the journey entry, forgets the old positions. */
    private boolean commit(Recreated tree, long current) {
        for (Map.Entry<Long, Long> instance : tree.instances.entrySet()) {
            for (String table : INSTANCE_TABLES) {
                jdbc.update("UPDATE " + table + " SET engine_generation = ?, process_instance_key = ? "
                        + "WHERE engine_generation = ? AND process_instance_key = ?",
                        current, instance.getValue(), tree.oldGeneration, instance.getKey());
            }
            // A step-up still waiting for its social care referral is found by its instance; its job key is
            // negated so it can never meet a key the new engine hands out.
            jdbc.update("""
                    UPDATE case_step_up SET engine_generation = ?, process_instance_key = ?, job_key = -ABS(job_key)
                    WHERE engine_generation = ? AND process_instance_key = ? AND referral_recorded_at IS NULL""",
                    current, instance.getValue(), tree.oldGeneration, instance.getKey());
        }
        tree.jobs.forEach((newJob, oldJob) -> jdbc.update("""
                INSERT IGNORE INTO recovery_link (engine_generation, job_key, origin_generation, origin_job_key) VALUES (?, ?, ?, ?)""",
                current, newJob, tree.oldGeneration, oldJob));
        jdbc.update("DELETE FROM instance_position WHERE engine_generation = ? AND root_instance_key = ?", tree.oldGeneration, tree.oldRoot);
        return recordInJourney(tree, current);
    }

    private boolean recordInJourney(Recreated tree, long current) {
        InstancePosition root = tailer.instance(tree.newRoot()).orElse(null);
        String caseReference = root == null ? null : text(root.scope(root.key).get("caseReference"));
        if (caseReference == null) {
            return false;
        }
        Set<String> steps = new LinkedHashSet<>();
        for (Long instance : tree.instances.values()) {
            tailer.instance(instance).ifPresent(position -> position.waitStates()
                    .forEach(step -> steps.add(processes.elementName(position.definitionKey, step.id))));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fromGeneration", tree.oldGeneration);
        details.put("toGeneration", current);
        details.put("processInstanceKey", tree.newRoot());
        details.put("steps", List.copyOf(steps));
        journey.record(caseReference, JourneyKind.JOURNEY_RECOVERED, null, JourneyLog.SYSTEM,
                "Journey recovered on a new engine run at steps: " + String.join(", ", steps), details);
        return true;
    }

    /** Waits until the engine has processed everything it was sent, then reads what it wrote. */
    /** Starts a batch of trees' roots, lets the engine settle once, then finishes each tree. */
    private void recreateBatch(TreeRecreation recreation, List<Map.Entry<String, List<InstancePosition>>> batch,
                               Map<String, Long> treeGeneration, List<Recreated> done, List<String> failedTrees) {
        List<TreeRecreation.Started> started = new ArrayList<>();
        for (Map.Entry<String, List<InstancePosition>> tree : batch) {
            try {
                started.add(recreation.start(treeGeneration.get(tree.getKey()), tree.getValue()));
            } catch (RuntimeException e) {
                failed(tree.getKey(), failedTrees, e);
            }
        }
        settle();
        for (TreeRecreation.Started tree : started) {
            try {
                done.add(recreation.finish(tree));
            } catch (RuntimeException e) {
                failed(tree.result().oldGeneration + ":" + tree.result().oldRoot, failedTrees, e);
            }
        }
    }

    private static void failed(String tree, List<String> failedTrees, RuntimeException e) {
        failedTrees.add(tree);
        log.error("Could not recover process instance tree {} (generation:root key); its position is kept for the next start", tree, e);
    }

    void settle() {
        try {
            engine.engine().waitForIdleState(Duration.ofSeconds(10));
        } catch (TimeoutException e) {
            log.warn("The engine was still busy after 10 s of recovery; going on");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recovering", e);
        }
        tailer.read();
    }

    private InstancePosition read(String state) {
        try {
            return json.readValue(state, InstancePosition.class);
        } catch (IOException e) {
            throw new IllegalStateException("A stored instance position is not readable", e);
        }
    }

    private String text(String jsonValue) {
        try {
            return jsonValue == null ? null : json.readValue(jsonValue, String.class);
        } catch (IOException e) {
            return null;
        }
    }
}
