package org.familyjourney.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What of an entry written before V105 is free text, and the entry as it is written since. */
class OldFreeTextTest {

    @Test
    void aReasonCutShortWithTheSummaryLeavesTheSummaryWithTheReason() {
        String reason = "They moved across town. ".repeat(30);
        String summary = JourneyLog.truncate("Case moved from maya to sam by priya: " + reason, 500);
        var moved = OldFreeText.of("CASE_REASSIGNED", summary, details("from", "maya", "to", "sam", "reason", reason), Set.of()).orElseThrow();
        assertThat(moved.summary()).isEqualTo("Case moved from maya to sam by priya");
        assertThat(moved.details()).containsOnlyKeys("from", "to");
        assertThat(moved.freeText()).containsExactly(Map.entry("reason", reason));
    }

    @Test
    void anOverrideKeepsItsSummaryWithoutTheReason() {
        var moved = OldFreeText.of("CONSENT_RECORDED", "Consent overridden by priya to share with Food bank: risk: at home",
                details("sharedWith", "Food bank (FOOD)", "basis", "OVERRIDE", "overrideReason", "risk: at home"), Set.of()).orElseThrow();
        assertThat(moved.summary()).isEqualTo("Consent overridden by priya to share with Food bank (reason recorded with the override)");
    }

    @Test
    void aTaskAnswerTypedIntoATextInputIsFreeTextEvenWhenItLooksLikeACode() {
        var moved = OldFreeText.of("TASK_COMPLETED", "Task 'Triage referral' completed by priya",
                details("triageDecision", "DECLINE", "triageReason", "SMITH"), Set.of("triageReason")).orElseThrow();
        assertThat(moved.details()).containsExactly(Map.entry("triageDecision", "DECLINE"));
        assertThat(moved.freeText()).containsExactly(Map.entry("triageReason", "SMITH"));
    }

    @Test
    void entriesWithoutFreeTextAreLeftAlone() {
        assertThat(OldFreeText.of("TASK_COMPLETED", "Task done", details("triageDecision", "ACCEPT"), Set.of("triageReason"))).isEmpty();
        assertThat(OldFreeText.of("CONSENT_RECORDED", "Family consented", details("basis", "FAMILY_CONSENT"), Set.of())).isEmpty();
        assertThat(OldFreeText.of("CASE_UPDATED", "Case allocated to maya", details("reason", "a worker nearby"), Set.of())).isEmpty();
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }
}
