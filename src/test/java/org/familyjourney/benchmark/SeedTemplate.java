package org.familyjourney.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A case the driver walked through the whole journey, read back row by row, as the pattern for the
 * seeded cases: the same tasks (step, form, groups, answers) and the same journey entries (kinds,
 * steps, summaries, details) with their spacing in time, so seeded cases look like real ones to
 * every query.
 */
record SeedTemplate(String reference, String worker, String parentName, List<String> childNames, Instant openedAt,
                    Instant closedAt, String variables, long engineGeneration, List<Task> tasks, List<Entry> entries) {

    record Task(long processDefinitionKey, String bpmnProcessId, String elementId, String name, String formId, String assignee,
                String candidateGroups, String candidateUsers, String excludedUser, String completedByVariable, Instant dueAt,
                Instant followUpAt, Instant createdAt, Instant completedAt, String completedBy, String outcome) {
    }

    record Entry(Instant occurredAt, String kind, String step, String actor, String summary, String details) {
    }

    static SeedTemplate read(Connection db, String reference) throws SQLException {
        String worker;
        String parent;
        Instant opened;
        Instant closed;
        String variables;
        long generation;
        long referralId;
        try (PreparedStatement q = db.prepareStatement("""
                SELECT c.worker, r.parent_name, c.opened_at, c.closed_at, c.variables, c.engine_generation, r.id
                FROM family_case c JOIN referral r ON r.id = c.referral_id WHERE c.reference = ?""")) {
            q.setString(1, reference);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No case " + reference + " to copy");
                }
                worker = rs.getString(1);
                parent = rs.getString(2);
                opened = rs.getTimestamp(3).toInstant();
                closed = instant(rs.getTimestamp(4));
                variables = rs.getString(5);
                generation = rs.getLong(6);
                referralId = rs.getLong(7);
            }
        }
        List<String> children = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT name FROM referral_child WHERE referral_id = ? ORDER BY position")) {
            q.setLong(1, referralId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    children.add(rs.getString(1));
                }
            }
        }
        List<Task> tasks = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT process_definition_key, bpmn_process_id, element_id, name, form_id, assignee, candidate_groups,
                       candidate_users, excluded_user, completed_by_variable, due_at, follow_up_at, created_at, completed_at,
                       completed_by, outcome
                FROM user_task WHERE case_reference = ? AND state = 'COMPLETED' ORDER BY created_at, id""")) {
            q.setString(1, reference);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    tasks.add(new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)),
                            instant(rs.getTimestamp(14)), rs.getString(15), rs.getString(16)));
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT occurred_at, kind, step, actor, summary, details FROM journey_entry WHERE case_reference = ? ORDER BY id""")) {
            q.setString(1, reference);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return new SeedTemplate(reference, worker, parent, children, opened, closed, variables, generation, tasks, entries);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
