package org.familyjourney.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything held about a family, for a subject access request: every row of every table that names
 * their case, in full, section by section. Rows are read as they are stored (every column), so a
 * column added later is exported without anyone remembering to.
 */
@Component
class SubjectAccess {

    record Section(String key, String title, List<Map<String, Object>> rows) {
    }

    record Held(String caseReference, Instant madeAt, String madeBy, List<Section> sections) {
    }

    private record Query(String key, String title, String sql) {
    }

    /** Columns that hold JSON text: exported as data, not as a string of it. */
    private static final Set<String> JSON_COLUMNS = Set.of("outcome", "details", "data", "variables", "content");

    private static final List<Query> QUERIES = List.of(
            new Query("case", "The case", "SELECT * FROM family_case WHERE reference = ?"),
            new Query("referral", "The referral, with the family's contact details and consent",
                    "SELECT r.* FROM referral r JOIN family_case c ON c.referral_id = r.id WHERE c.reference = ?"),
            new Query("children", "The children", """
                    SELECT k.* FROM referral_child k JOIN family_case c ON c.referral_id = k.referral_id
                    WHERE c.reference = ? ORDER BY k.position"""),
            new Query("concerns", "What the referral asked help with", """
                    SELECT n.* FROM referral_concern n JOIN family_case c ON c.referral_id = n.referral_id WHERE c.reference = ?"""),
            new Query("tasks", "Tasks, with what was recorded in each", "SELECT * FROM user_task WHERE case_reference = ? ORDER BY created_at, id"),
            new Query("drafts", "Unfinished answers saved as drafts", """
                    SELECT d.* FROM task_draft d JOIN user_task t ON t.id = d.task_id WHERE t.case_reference = ? ORDER BY d.saved_at"""),
            new Query("journey", "The journey: every step, who did it and when",
                    "SELECT * FROM journey_entry WHERE case_reference = ? ORDER BY occurred_at, id"),
            new Query("journeyText", "The journey's free text (answers, comments, reasons), by journey entry",
                    "SELECT * FROM journey_entry_text WHERE case_reference = ? ORDER BY entry_id"),
            new Query("sessions", "1:1 sessions", "SELECT * FROM support_session WHERE case_reference = ? ORDER BY held_on, id"),
            new Query("safeguardingConcerns", "Safeguarding concerns and the decisions on them",
                    "SELECT * FROM safeguarding_concern WHERE case_reference = ? ORDER BY raised_at, id"),
            new Query("stepUps", "Step-ups to children's social care",
                    "SELECT * FROM case_step_up WHERE case_reference = ? ORDER BY stepped_up_at, id"),
            new Query("schoolMeetings", "School advocacy meetings", "SELECT * FROM school_meeting WHERE case_reference = ? ORDER BY starts_at, id"),
            new Query("onwardReferrals", "Onward referrals to other organisations",
                    "SELECT * FROM onward_referral WHERE case_reference = ? ORDER BY created_at, id"),
            new Query("consentToShare", "Consent to share with other organisations",
                    "SELECT * FROM consent_to_share WHERE case_reference = ? ORDER BY recorded_at, id"),
            new Query("consents", "Consents: what the family agreed to, by whom, when, and any withdrawal",
                    "SELECT * FROM consent WHERE case_reference = ? ORDER BY given_at, id"),
            new Query("consentOverrides", "Information shared without consent, as the law allows, and why",
                    "SELECT * FROM consent_override WHERE case_reference = ? ORDER BY overridden_at, id"),
            new Query("retention", "When the record's personal data is anonymised",
                    "SELECT * FROM case_retention WHERE case_reference = ?"),
            new Query("notifications", "Letters and emails sent", "SELECT * FROM notification WHERE case_reference = ? ORDER BY created_at, id"),
            new Query("deadlines", "Deadlines", "SELECT * FROM case_deadline WHERE case_reference = ? ORDER BY due_at"),
            new Query("escalations", "Escalations to managers", "SELECT * FROM escalation WHERE case_reference = ? ORDER BY raised_at, id"),
            new Query("accessLog", "Who has looked at the record", "SELECT * FROM access_log WHERE case_reference = ? ORDER BY accessed_at, id"));

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SubjectAccess(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Call only for a case the person may read, after logging the request in its access log. */
    Held gather(String reference, String madeBy, Instant madeAt, ExportJobs.Progress progress) {
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < QUERIES.size(); i++) {
            Query query = QUERIES.get(i);
            progress.at(i * 80 / QUERIES.size(), query.title());
            List<Map<String, Object>> rows = jdbc.queryForList(query.sql(), reference).stream().map(this::plain).toList();
            sections.add(new Section(query.key(), query.title(), rows));
        }
        return new Held(reference, madeAt, madeBy, sections);
    }

    private Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> plain = new LinkedHashMap<>();
        row.forEach((column, value) -> plain.put(column.toLowerCase(), value(column.toLowerCase(), value)));
        return plain;
    }

    private Object value(String column, Object value) {
        if (value instanceof Timestamp at) {
            return at.toInstant().toString();
        }
        if (value instanceof java.sql.Date day) {
            return day.toLocalDate().toString();
        }
        if (value instanceof java.time.LocalDateTime local) {
            // The connection's time zone is UTC (connectionTimeZone=UTC), so stored times are UTC.
            return local.toInstant(java.time.ZoneOffset.UTC).toString();
        }
        if (value instanceof java.time.LocalDate day) {
            return day.toString();
        }
        if (value instanceof String text && JSON_COLUMNS.contains(column)) {
            try {
                return json.readTree(text);
            } catch (IOException notJson) {
                return text;
            }
        }
        return value;
    }
}
