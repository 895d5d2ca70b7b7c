package org.familyjourney.casework;

import static org.familyjourney.processes.ProcessIds.Elements.AGREE_ACTION_PLAN;
import static org.familyjourney.processes.ProcessIds.Elements.APPROVE_ACTION_PLAN;
import static org.familyjourney.processes.ProcessIds.Elements.ASSESS_FAMILY;
import static org.familyjourney.processes.ProcessIds.Elements.CLOSE_CASE;
import static org.familyjourney.processes.ProcessIds.Elements.REVIEW_PROGRESS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.familyjourney.engine.FormCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Recorded} from the answers of the case's completed tasks (user_task.outcome), all in
 * one query. The answers are kept exactly as the form checked them, so nothing is copied into
 * tables of its own that could drift from what the worker submitted.
 */
@Component
class CaseRecords {

    private record Answers(String step, String formId, String by, Instant at, JsonNode json) {
    }

    private final JdbcTemplate jdbc;
    private final FormCatalog forms;
    private final ObjectMapper mapper;

    CaseRecords(JdbcTemplate jdbc, FormCatalog forms, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.mapper = mapper;
    }

    Recorded of(FamilyCase familyCase) {
        List<Answers> done = jdbc.query("""
                SELECT element_id, form_id, completed_by, completed_at, outcome FROM user_task
                WHERE case_reference = ? AND state = 'COMPLETED' AND outcome IS NOT NULL AND element_id IN (?, ?, ?, ?, ?)
                ORDER BY completed_at, id""",
                (rs, row) -> new Answers(rs.getString("element_id"), rs.getString("form_id"), rs.getString("completed_by"),
                        rs.getTimestamp("completed_at").toInstant(), parse(rs.getString("outcome"))),
                familyCase.reference(), ASSESS_FAMILY, AGREE_ACTION_PLAN, APPROVE_ACTION_PLAN, REVIEW_PROGRESS, CLOSE_CASE);
        Answers assessment = latest(done, ASSESS_FAMILY, null);
        Answers plan = latest(done, AGREE_ACTION_PLAN, null);
        Answers closure = familyCase.closedAt() == null ? null : latest(done, CLOSE_CASE, null);
        return new Recorded(assessment == null ? null : assessment(assessment),
                plan == null ? null : plan(plan, latest(done, APPROVE_ACTION_PLAN, plan.at())),
                done.reversed().stream().filter(a -> a.step().equals(REVIEW_PROGRESS)).map(this::review).toList(),
                closure == null ? null : closure(closure));
    }

    private Recorded.Assessment assessment(Answers a) {
        return new Recorded.Assessment(a.at(), a.by(),
                list(a.json().path("needs"), n -> new Recorded.Need(label(a, "domain", n), score(n), text(n, "description"))),
                text(a.json(), "strengths"), text(a.json(), "familyGoals"), text(a.json(), "childsVoice"));
    }

    private Recorded.ActionPlan plan(Answers a, Answers approval) {
        List<String> programmes = list(a.json().path("groupProgrammes"),
                p -> forms.choiceLabel(a.formId(), "groupProgrammes", p.asText()));
        return new Recorded.ActionPlan(a.at(), a.by(),
                list(a.json().path("goals"), g -> new Recorded.Goal(text(g, "goal"), label(a, "domain", g), text(g, "actions"),
                        label(a, "owner", g), date(text(g, "targetDate")))),
                a.json().path("schoolMeetingNeeded").asBoolean(false), programmes,
                approval == null ? null : new Recorded.Approval("APPROVE".equals(text(approval.json(), "planApproval")),
                        label(approval, "planApproval", approval.json()), approval.by(), approval.at(),
                        text(approval.json(), "planApprovalComment")));
    }

    private Recorded.Review review(Answers a) {
        return new Recorded.Review(a.at(), a.by(), label(a, "reviewDecision", a.json()),
                list(a.json().path("goalProgress"), p -> new Recorded.Progress(text(p, "goal"), label(a, "progress", p), text(p, "note"))),
                scores(a, "reviewScores"), text(a.json(), "reviewSummary"));
    }

    private Recorded.Closure closure(Answers a) {
        return new Recorded.Closure(a.at(), a.by(), label(a, "closureReason", a.json()), scores(a, "closingScores"),
                text(a.json(), "familyFeedback"), text(a.json(), "closureSummary"));
    }

    private List<Recorded.Score> scores(Answers a, String field) {
        return list(a.json().path(field), s -> new Recorded.Score(label(a, "domain", s), score(s)));
    }

    /** The latest answers of a step, completed after {@code since} when given. */
    private static Answers latest(List<Answers> done, String step, Instant since) {
        return done.reversed().stream().filter(a -> a.step().equals(step))
                .filter(a -> since == null || !a.at().isBefore(since)).findFirst().orElse(null);
    }

    private String label(Answers answers, String key, JsonNode holder) {
        return forms.choiceLabel(answers.formId(), key, text(holder, key));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).map(each).toList() : List.of();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    /** A 1-5 score as people write it: the form's checks store numbers as decimals (2.0), the page shows 2. */
    private static String score(JsonNode holder) {
        String text = text(holder, "score");
        try {
            return text == null ? null : new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private JsonNode parse(String outcome) {
        try {
            return mapper.readTree(outcome);
        } catch (JsonProcessingException unreadable) {
            // A stored outcome is JSON the server wrote; one that is not shows as an empty record, not an error page.
            return mapper.createObjectNode();
        }
    }
}
