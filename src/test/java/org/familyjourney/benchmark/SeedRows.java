package org.familyjourney.benchmark;

import static org.familyjourney.benchmark.Seeder.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.familyjourney.benchmark.FictionalFamilies.Child;
import org.familyjourney.benchmark.FictionalFamilies.Family;
import org.familyjourney.benchmark.SeedTemplate.Entry;
import org.familyjourney.benchmark.SeedTemplate.Task;
import org.familyjourney.journey.JourneyChainWriter;

/** The batched inserts of seeded cases: one statement per table per chunk. */
final class SeedRows {

    /** One seeded case: the template's journey moved to its own time, family and worker. */
    static final class Case {
        private final Instant openedAt;
        private final Family family;
        private final String worker;
        private final int openStep;
        private final long instanceKey;
        String reference;
        long referralId;

        Case(Instant openedAt, Family family, String worker, int openStep, long instanceKey) {
            this.openedAt = openedAt;
            this.family = family;
            this.worker = worker;
            this.openStep = openStep;
            this.instanceKey = instanceKey;
        }

        Instant openedAt() {
            return openedAt;
        }

        /** The step whose task is open (index in the walk), or -1 for a closed case. */
        int openStep() {
            return openStep;
        }
    }

    private final Connection db;
    private final SeedTemplate template;
    private final Pattern templateWorker;

    SeedRows(Connection db, SeedTemplate template) {
        this.db = db;
        this.template = template;
        this.templateWorker = Pattern.compile("\\b" + Pattern.quote(template.worker()) + "\\b");
    }

    void referrals(List<Case> chunk) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO referral (received_at, received_by, source, referrer_name, referrer_organisation, referrer_email,
                    parent_name, parent_phone, parent_email, parent_address, parent_postcode, details, consent_given, consent_by,
                    consent_at, process_instance_key, engine_generation)
                VALUES (?, 'priya', 'SCHOOL', 'Ms Ada Fenwick', ?, 'office@school.example', ?, ?, ?, ?, ?,
                    'Attendance has fallen this term.', TRUE, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            for (Case c : chunk) {
                Family f = c.family;
                insert.setTimestamp(1, ts(c.openedAt));
                insert.setString(2, f.children().getFirst().school());
                insert.setString(3, f.parentName());
                insert.setString(4, f.phone());
                insert.setString(5, f.email());
                insert.setString(6, f.address());
                insert.setString(7, f.postcode());
                insert.setString(8, f.parentName());
                insert.setTimestamp(9, ts(c.openedAt));
                insert.setLong(10, c.instanceKey);
                insert.setLong(11, template.engineGeneration());
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (Case c : chunk) {
                    keys.next();
                    c.referralId = keys.getLong(1);
                }
            }
        }
        try (PreparedStatement child = db.prepareStatement(
                "INSERT INTO referral_child (referral_id, position, name, date_of_birth, school) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement concern = db.prepareStatement("INSERT INTO referral_concern (referral_id, concern) VALUES (?, ?)")) {
            for (Case c : chunk) {
                int position = 0;
                for (Child k : c.family.children()) {
                    child.setLong(1, c.referralId);
                    child.setInt(2, position++);
                    child.setString(3, k.name());
                    child.setObject(4, k.dateOfBirth());
                    child.setString(5, k.school());
                    child.addBatch();
                }
                for (String reason : c.family.concerns()) {
                    concern.setLong(1, c.referralId);
                    concern.setString(2, reason);
                    concern.addBatch();
                }
            }
            child.executeBatch();
            concern.executeBatch();
        }
    }

    void cases(List<Case> chunk) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO family_case (reference, referral_id, status, worker, opened_at, closed_at, process_instance_key,
                    engine_generation, variables) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Case c : chunk) {
                boolean allocated = c.openStep < 0 || c.openStep >= 2;
                insert.setString(1, c.reference);
                insert.setLong(2, c.referralId);
                insert.setString(3, c.openStep < 0 ? "CLOSED" : c.openStep == 0 ? "AWAITING_TRIAGE"
                        : c.openStep == 1 ? "AWAITING_ALLOCATION" : "ALLOCATED");
                insert.setString(4, allocated ? c.worker : null);
                insert.setTimestamp(5, ts(c.openedAt));
                insert.setTimestamp(6, c.openStep < 0 ? ts(shift(c, template.closedAt())) : null);
                insert.setLong(7, c.instanceKey);
                insert.setLong(8, template.engineGeneration());
                insert.setString(9, text(c, template.variables()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The walk's tasks up to the open step (all of them for a closed case); returns how many. */
    int tasks(List<Case> chunk, AtomicLong keys) throws SQLException {
        int count = 0;
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO user_task (engine_generation, job_key, process_instance_key, process_definition_key, bpmn_process_id,
                    element_id, name, case_reference, form_id, assignee, candidate_groups, candidate_users, excluded_user,
                    completed_by_variable, due_at, follow_up_at, state, created_at, completed_at, completed_by, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Case c : chunk) {
                int last = c.openStep < 0 ? template.tasks().size() - 1 : c.openStep;
                for (int i = 0; i <= last; i++) {
                    Task t = template.tasks().get(i);
                    boolean open = i == c.openStep;
                    insert.setLong(1, template.engineGeneration());
                    insert.setLong(2, keys.decrementAndGet());
                    insert.setLong(3, c.instanceKey);
                    insert.setLong(4, t.processDefinitionKey());
                    insert.setString(5, t.bpmnProcessId());
                    insert.setString(6, t.elementId());
                    insert.setString(7, t.name());
                    insert.setString(8, c.reference);
                    insert.setString(9, t.formId());
                    insert.setString(10, worker(c, t.assignee()));
                    insert.setString(11, t.candidateGroups());
                    insert.setString(12, worker(c, t.candidateUsers()));
                    insert.setString(13, worker(c, t.excludedUser()));
                    insert.setString(14, t.completedByVariable());
                    insert.setTimestamp(15, ts(shift(c, t.dueAt())));
                    insert.setTimestamp(16, ts(shift(c, t.followUpAt())));
                    insert.setString(17, open ? "OPEN" : "COMPLETED");
                    insert.setTimestamp(18, ts(shift(c, t.createdAt())));
                    insert.setTimestamp(19, open ? null : ts(shift(c, t.completedAt())));
                    insert.setString(20, open ? null : worker(c, t.completedBy()));
                    insert.setString(21, open ? null : text(c, t.outcome()));
                    insert.addBatch();
                    count++;
                }
            }
            insert.executeBatch();
        }
        return count;
    }

    /**
     * The walk's journey entries up to the open step, moved to the case; with {@code perCase} above
     * zero, exactly that many, the walk's entries repeated a day apart (a long-running case).
     */
    List<JourneyChainWriter.Entry> entries(List<Case> chunk, int perCase) {
        List<JourneyChainWriter.Entry> entries = new ArrayList<>();
        List<Entry> walk = template.entries();
        for (Case c : chunk) {
            Instant until = c.openStep < 0 ? Instant.MAX : template.tasks().get(c.openStep).completedAt();
            int count = perCase > 0 ? perCase : walk.size();
            for (int j = 0; j < count; j++) {
                Entry e = walk.get(j % walk.size());
                if (!e.occurredAt().isBefore(until)) {
                    break;
                }
                Instant at = shift(c, e.occurredAt()).plus(Duration.ofDays(j / walk.size()));
                entries.add(new JourneyChainWriter.Entry(c.reference, at, e.kind(), e.step(), worker(c, e.actor()),
                        text(c, e.summary()), text(c, e.details())));
            }
        }
        return entries;
    }

    private Instant shift(Case c, Instant templateTime) {
        return templateTime == null ? null : c.openedAt.plus(Duration.between(template.openedAt(), templateTime));
    }

    private String worker(Case c, String value) {
        return value == null ? null : templateWorker.matcher(value).replaceAll(c.worker);
    }

    /** The template's text with its reference, family names and worker replaced by the case's. */
    private String text(Case c, String value) {
        if (value == null) {
            return null;
        }
        String text = value.replace(template.reference(), c.reference).replace(template.parentName(), c.family.parentName());
        List<String> children = template.childNames();
        for (int i = 0; i < children.size(); i++) {
            text = text.replace(children.get(i), c.family.children().get(i % c.family.children().size()).name());
        }
        return worker(c, text);
    }
}
