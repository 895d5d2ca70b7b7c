package org.familyjourney.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces a case's personal data with a placeholder, in place: names, contact details, addresses
 * (the postcode keeps its district), free text, and dates of birth (the year stays, for reports).
 * Codes, scores, dates of steps and the journey log stay, so reports and the audit trail still add up.
 * journey_entry is append-only and hash-chained and is never touched.
 */
@Component
class Anonymiser {

    /** Answers kept as they are: codes (ACCEPTED, GOOD_EDUCATION), dates and usernames the tasks record. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}|\\d{4}-\\d{2}-\\d{2}.*|[a-z]{1,32}");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Anonymiser(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void anonymise(String reference, String placeholder) {
        Long referral = jdbc.queryForObject("SELECT referral_id FROM family_case WHERE reference = ?", Long.class, reference);
        jdbc.update("""
                UPDATE referral SET referrer_name = ?, referrer_email = NULL, referrer_phone = NULL, parent_name = ?,
                    parent_phone = NULL, parent_email = NULL, parent_address = NULL,
                    parent_postcode = NULLIF(SUBSTRING_INDEX(parent_postcode, ' ', 1), ''),
                    details = IF(details IS NULL, NULL, ?), consent_by = IF(consent_by IS NULL, NULL, ?)
                WHERE id = ?""", placeholder, placeholder, placeholder, placeholder, referral);
        jdbc.update("""
                UPDATE referral_child SET name = CONCAT(?, ' (child ', position + 1, ')'),
                    date_of_birth = MAKEDATE(YEAR(date_of_birth), 1) WHERE referral_id = ?""", placeholder, referral);
        jdbc.update("UPDATE family_case SET variables = NULL WHERE reference = ?", reference);
        jdbc.update("DELETE d FROM task_draft d JOIN user_task t ON t.id = d.task_id WHERE t.case_reference = ?", reference);
        jdbc.update("DELETE v FROM user_task_variables v JOIN user_task t ON t.id = v.task_id WHERE t.case_reference = ?", reference);
        scrubTaskOutcomes(reference, placeholder);
        text(reference, placeholder, "support_session", "notes");
        text(reference, placeholder, "safeguarding_concern", "summary", "rationale", "actions_taken");
        text(reference, placeholder, "case_step_up", "notes", "social_care_reference");
        text(reference, placeholder, "school_meeting", "school_contact_name", "school_contact_email", "place", "purpose_detail",
                "not_held_reason", "agreed_actions");
        text(reference, placeholder, "onward_referral", "reason", "answer_notes");
        text(reference, placeholder, "consent_to_share", "given_by", "override_reason");
        text(reference, placeholder, "consent", "given_by", "withdrawn_by", "withdrawal_reason");
        text(reference, placeholder, "consent_override", "reason");
        // Letters to the family and the referrer: staff addresses stay, anyone else's goes.
        // Numbered, as one job's letters (to the parent and to the referrer) must keep distinct recipients.
        jdbc.update("""
                UPDATE notification SET recipient = CONCAT(?, ' ', id) WHERE case_reference = ?
                    AND recipient NOT IN (SELECT email FROM app_user WHERE email IS NOT NULL)""", placeholder, reference);
    }

    private void text(String reference, String placeholder, String table, String... columns) {
        StringBuilder set = new StringBuilder();
        for (String column : columns) {
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = IF(").append(column).append(" IS NULL, NULL, ?)");
        }
        Object[] args = new Object[columns.length + 1];
        java.util.Arrays.fill(args, placeholder);
        args[columns.length] = reference;
        jdbc.update("UPDATE " + table + " SET " + set + " WHERE case_reference = ?", args);
    }

    /** Free text inside the recorded answers goes; codes, numbers, dates and yes/no stay (funder reports read them). */
    private void scrubTaskOutcomes(String reference, String placeholder) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, outcome FROM user_task WHERE case_reference = ? AND outcome IS NOT NULL", reference);
        for (Map<String, Object> row : rows) {
            try {
                JsonNode outcome = json.readTree(row.get("outcome").toString());
                jdbc.update("UPDATE user_task SET outcome = ? WHERE id = ?",
                        json.writeValueAsString(scrub(outcome, placeholder)), row.get("id"));
            } catch (java.io.IOException notJson) {
                jdbc.update("UPDATE user_task SET outcome = NULL WHERE id = ?", row.get("id"));
            }
        }
    }

    private JsonNode scrub(JsonNode node, String placeholder) {
        if (node instanceof ObjectNode object) {
            var names = new java.util.ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, scrub(object.get(name), placeholder)));
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrub(array.get(i), placeholder));
            }
            return array;
        }
        if (node.isTextual() && !CODE.matcher(node.asText()).matches()) {
            return TextNode.valueOf(placeholder);
        }
        return node;
    }
}
