package org.familyjourney.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.camunda.client.CamundaClient;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.familyjourney.engine.EngineGeneration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces a case's personal data with a placeholder, in place: names, contact details, addresses
 * (the postcode keeps its district), free text, and dates of birth (the year stays, for reports).
 * Codes, scores, dates of steps and the journey log stay, so reports and the audit trail still add up.
 * journey_entry is append-only and hash-chained and is never touched: the free text of its entries is
 * kept beside it in journey_entry_text, and every text there is replaced, codes too (they sat in free text).
 */
@Component
class Anonymiser {

    /** Answers kept as they are: codes (ACCEPTED, GOOD_EDUCATION), dates and usernames the tasks record. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}|\\d{4}-\\d{2}-\\d{2}.*|[a-z]{1,32}");

    private static final Logger log = LoggerFactory.getLogger(Anonymiser.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final CamundaClient engine;
    private final EngineGeneration generation;

    Anonymiser(JdbcTemplate jdbc, ObjectMapper json, CamundaClient engine, EngineGeneration generation) {
        this.jdbc = jdbc;
        this.json = json;
        this.engine = engine;
        this.generation = generation;
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
        scrubJourneyText(reference, placeholder);
        scrubRunningJourney(reference, placeholder);
        text(reference, placeholder, "support_session", "notes");
        text(reference, placeholder, "safeguarding_concern", "summary", "rationale", "actions_taken");
        text(reference, placeholder, "case_step_up", "notes", "social_care_reference");
        text(reference, placeholder, "school_meeting", "school_contact_name", "school_contact_email", "place", "purpose_detail",
                "not_held_reason", "agreed_actions");
        text(reference, placeholder, "onward_referral", "reason", "answer_notes");
        text(reference, placeholder, "consent_to_share", "given_by", "override_reason");
        text(reference, placeholder, "consent", "given_by", "withdrawn_by", "withdrawal_reason");
        text(reference, placeholder, "consent_override", "reason");
        text(reference, placeholder, "case_restriction", "reason");
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
        rewriteJson("user_task", "id", "outcome", reference, outcome -> scrub(outcome, placeholder), null);
    }

    /**
     * Rewrites a JSON column of the case's rows through {@code scrubber}; a value that is not JSON is
     * replaced by {@code unreadable}, since what it holds cannot be told apart from free text.
     */
    private void rewriteJson(String table, String key, String column, String reference, UnaryOperator<JsonNode> scrubber,
                             String unreadable) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT " + key + " AS row_key, " + column + " AS content FROM " + table
                + " WHERE case_reference = ? AND " + column + " IS NOT NULL", reference);
        String update = "UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ?";
        for (Map<String, Object> row : rows) {
            try {
                JsonNode content = json.readTree(row.get("content").toString());
                jdbc.update(update, json.writeValueAsString(scrubber.apply(content)), row.get("row_key"));
            } catch (java.io.IOException notJson) {
                jdbc.update(update, unreadable, row.get("row_key"));
            }
        }
    }

    /**
     * A closed case's journey can still be running (the follow-up check-in waits months), its variables
     * holding the answers: they are scrubbed in the engine, and in the copy recovery keeps of them.
     */
    private void scrubRunningJourney(String reference, String placeholder) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT p.engine_generation, p.process_instance_key, p.state FROM instance_position p
                JOIN family_case c ON c.engine_generation = p.engine_generation AND c.process_instance_key = p.root_instance_key
                WHERE c.reference = ?""", reference);
        for (Map<String, Object> row : rows) {
            long gen = ((Number) row.get("engine_generation")).longValue();
            try {
                ObjectNode state = (ObjectNode) json.readTree(row.get("state").toString());
                Map<Long, Map<String, Object>> changed = scrubVariables(state.path("variables"), placeholder);
                if (changed.isEmpty()) {
                    continue;
                }
                jdbc.update("UPDATE instance_position SET state = ? WHERE engine_generation = ? AND process_instance_key = ?",
                        json.writeValueAsString(state), gen, row.get("process_instance_key"));
                if (generation.isCurrent(gen)) {
                    changed.forEach(this::setInEngine);
                }
            } catch (java.io.IOException | ClassCastException unreadable) {
                throw new IllegalStateException("The stored position of a journey could not be read to anonymise it", unreadable);
            }
        }
    }

    /** Scope key to the variables whose value changed (as data); the state's JSON strings are replaced in place. */
    private Map<Long, Map<String, Object>> scrubVariables(JsonNode scopes, String placeholder) throws java.io.IOException {
        Map<Long, Map<String, Object>> changed = new java.util.LinkedHashMap<>();
        var scopeKeys = new java.util.ArrayList<String>();
        scopes.fieldNames().forEachRemaining(scopeKeys::add);
        for (String scopeKey : scopeKeys) {
            ObjectNode scope = (ObjectNode) scopes.get(scopeKey);
            var names = new java.util.ArrayList<String>();
            scope.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = json.readTree(scope.get(name).asText());
                String before = value.toString();
                JsonNode after = scrub(value.deepCopy(), placeholder);
                if (!after.toString().equals(before)) {
                    scope.put(name, after.toString());
                    changed.computeIfAbsent(Long.valueOf(scopeKey), k -> new java.util.LinkedHashMap<>())
                            .put(name, json.treeToValue(after, Object.class));
                }
            }
        }
        return changed;
    }

    private void setInEngine(long scopeKey, Map<String, Object> variables) {
        try {
            engine.newSetVariablesCommand(scopeKey).variables(variables).local(true).send().join();
        } catch (RuntimeException ended) {
            // The scope ended meanwhile: its variables went with it.
            log.debug("Variables of an ended scope could not be anonymised in the engine", ended);
        }
    }

    private void scrubJourneyText(String reference, String placeholder) {
        rewriteJson("journey_entry_text", "entry_id", "content", reference, content -> scrubAll(content, placeholder), "{}");
    }

    /** Every text replaced; the field names, numbers and yes/no booleans stay, so the timeline still shows what was answered. */
    static JsonNode scrubAll(JsonNode node, String placeholder) {
        if (node.isContainerNode()) {
            if (node instanceof ObjectNode object) {
                var names = new java.util.ArrayList<String>();
                object.fieldNames().forEachRemaining(names::add);
                names.forEach(name -> object.set(name, scrubAll(object.get(name), placeholder)));
            } else {
                ArrayNode array = (ArrayNode) node;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, scrubAll(array.get(i), placeholder));
                }
            }
            return node;
        }
        return node.isTextual() ? TextNode.valueOf(placeholder) : node;
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
