package org.familyjourney.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Entries written before free text was kept beside the chain (V105; caseload-move and restriction reasons
 * a little later) still hold that text in their hashed details and summaries, where anonymisation cannot
 * reach it without breaking the chain. This moves it into journey_entry_text, leaving each entry as
 * {@link JourneyLog#recordAt} writes one now, re-hashes every entry from the first one changed to the head,
 * and records that as the chain's last entry ({@link JourneyKind#JOURNEY_REHASHED}), so auditors see
 * that the chain was rebuilt, once, and why. Migration V120 runs it as the schema owner, the only user
 * who may change journey_entry. With no such entry (a fresh install, or a second run) it writes nothing.
 */
@Component
public class OldJourneyText {

    /** What a run did; {@code firstRehashedEntry} is null when there was nothing to move. */
    public record Outcome(int entriesMoved, Long firstRehashedEntry, int entriesRehashed, String previousHeadHash) {
    }

    private static final int PAGE = 500;
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final AnonymisedFreeText anonymised;
    private final Clock clock = Clock.systemUTC();

    OldJourneyText(ObjectMapper json, AnonymisedFreeText anonymised) {
        this.json = json;
        this.anonymised = anonymised;
    }

    /** Runs inside the caller's transaction on {@code owner}, a connection as the schema owner; the caller commits. */
    public Outcome moveBesideTheChain(JdbcTemplate owner) {
        // Held to the commit: the app's writers wait, and no entry joins the chain while it is rebuilt.
        Map<String, Object> head = owner.queryForMap("SELECT last_id, last_hash FROM journey_chain_head WHERE id = 1 FOR UPDATE");
        long lastId = ((Number) head.get("last_id")).longValue();
        String headHash = (String) head.get("last_hash");
        ChainRebuild rebuild = new ChainRebuild(owner);
        TaskFormTextFields forms = TaskFormTextFields.read(owner, json);
        Map<String, List<Anonymisation>> anonymisations = anonymisations(owner);
        long after = 0;
        List<ChainRebuild.Row> page;
        do {
            page = owner.query("""
                    SELECT e.id, e.case_reference, e.occurred_at, e.kind, e.step, e.actor, e.summary, e.details,
                           e.previous_hash, e.entry_hash, t.entry_id IS NOT NULL AS has_text
                    FROM journey_entry e LEFT JOIN journey_entry_text t ON t.entry_id = e.id
                    WHERE e.id > ? AND e.id <= ? ORDER BY e.id LIMIT ?""", ChainRebuild.Row::of, after, lastId, PAGE);
            for (ChainRebuild.Row row : page) {
                rebuild.visit(row, moved(row, forms, anonymisations.getOrDefault(row.caseReference(), List.of())));
                after = row.id();
            }
            rebuild.flush();
        } while (page.size() == PAGE);
        rebuild.checkEndsAt(lastId, headHash);
        if (rebuild.firstChanged() == null) {
            return new Outcome(0, null, 0, headHash);
        }
        owner.update("UPDATE journey_chain_head SET last_hash = ? WHERE id = 1", rebuild.lastHash());
        Outcome outcome = new Outcome(rebuild.moved(), rebuild.firstChanged(), rebuild.rehashed(), headHash);
        record(owner, outcome);
        return outcome;
    }

    /** The entry's free text moved out, if it still holds some: an old entry of a case, with no text beside it yet. */
    private ChainRebuild.Moved moved(ChainRebuild.Row row, TaskFormTextFields forms, List<Anonymisation> ofCase) {
        if (row.hasText() || row.caseReference() == null || row.details() == null) {
            return null;
        }
        Map<String, Object> details;
        try {
            details = json.readValue(row.details(), OBJECT);
        } catch (JsonProcessingException | IllegalArgumentException notAnObject) {
            return null;
        }
        if (details == null || details.containsKey(JourneyLog.FREE_TEXT_FIELDS)) {
            return null;
        }
        return OldFreeText.of(row.kind(), row.summary(), details,
                        "TASK_COMPLETED".equals(row.kind()) ? forms.of(row.caseReference(), row.step()) : Set.of())
                .map(old -> {
                    // As JourneyLog.recordAt writes it: the kept details, then the names of the fields beside it.
                    Map<String, Object> hashed = new LinkedHashMap<>(old.details());
                    hashed.put(JourneyLog.FREE_TEXT_FIELDS, List.copyOf(old.freeText().keySet()));
                    JsonNode freeText = json.valueToTree(old.freeText());
                    // The case was anonymised (or erased) after the entry: its text would have gone then.
                    for (Anonymisation later : ofCase) {
                        if (later.entryId() > row.id()) {
                            freeText = anonymised.as(later.kind(), freeText);
                            break;
                        }
                    }
                    return new ChainRebuild.Moved(JourneyLog.truncate(old.summary(), 500), write(hashed), write(freeText));
                })
                .orElse(null);
    }

    private record Anonymisation(long entryId, JourneyKind kind) {
    }

    /** Each case's anonymisations and erasures, in order: the text of an entry older than one is stored as that one left text. */
    private static Map<String, List<Anonymisation>> anonymisations(JdbcTemplate owner) {
        Map<String, List<Anonymisation>> byCase = new HashMap<>();
        owner.query("SELECT id, case_reference, kind FROM journey_entry WHERE kind IN ('CASE_ANONYMISED', 'CASE_ERASED') ORDER BY id",
                (RowCallbackHandler) rs -> byCase.computeIfAbsent(rs.getString("case_reference"),
                        c -> new ArrayList<>()).add(new Anonymisation(rs.getLong("id"), JourneyKind.valueOf(rs.getString("kind")))));
        return byCase;
    }

    private void record(JdbcTemplate owner, Outcome outcome) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entriesMoved", outcome.entriesMoved());
        details.put("firstRehashedEntry", outcome.firstRehashedEntry());
        details.put("entriesRehashed", outcome.entriesRehashed());
        details.put("previousHeadHash", outcome.previousHeadHash());
        details.put("reason", "free text of entries written before V105 moved to journey_entry_text, where anonymisation reaches it");
        String summary = "Journey log rebuilt once (migration V120): free text moved beside the chain from "
                + count(outcome.entriesMoved()) + " written before V105, and " + count(outcome.entriesRehashed())
                + " from entry " + outcome.firstRehashedEntry() + " on re-hashed";
        JourneyChain.write(owner, List.of(new JourneyChain.Pending(clock.instant().truncatedTo(ChronoUnit.MICROS), null,
                JourneyKind.JOURNEY_REHASHED.name(), "V120", JourneyLog.SYSTEM, summary, write(details), null)));
    }

    private static String count(int entries) {
        return entries + (entries == 1 ? " entry" : " entries");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Journey details must be plain data", e);
        }
    }
}
