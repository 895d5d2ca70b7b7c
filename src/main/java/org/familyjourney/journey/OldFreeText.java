package org.familyjourney.journey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The free text an entry written before it was kept beside the chain (V105 and the changes after it)
 * holds in its hashed details, by kind, and the entry as {@link JourneyLog#recordAt} writes it since:
 * the same details without that text, and a summary that no longer repeats it.
 */
final class OldFreeText {

    /** The entry as written since: hashed details without the free text (which {@code freeText} holds), and its summary. */
    record Moved(String summary, Map<String, Object> details, Map<String, Object> freeText) {
    }

    private static final String OVERRIDE_NOW = " (reason recorded with the override)";

    private OldFreeText() {
    }

    /**
     * What of the entry is free text, if anything. {@code formTextFields} are the text inputs of the form a
     * completed task's answers came from. A lift of a restriction never had its reason in the details
     * (it was not journaled before it went beside the chain), so that kind has nothing to move.
     */
    static Optional<Moved> of(String kind, String summary, Map<String, Object> details, Set<String> formTextFields) {
        return switch (kind) {
            // Every answer, as TaskJourney splits them now.
            case "TASK_COMPLETED" -> split(summary, FreeText.of(details, formTextFields));
            case "APPROVAL_DECIDED" -> key(details, "comment", summary, text -> summary);
            case "RECORD_RESTRICTED" -> key(details, "reason", summary, text -> summary);
            // "...: <reason>" became "... (reason recorded with the override)".
            case "CONSENT_RECORDED" -> key(details, "overrideReason", summary, reason -> withoutTail(summary, reason)
                    .map(start -> start + OVERRIDE_NOW).orElse(summary));
            // "Case moved from a to b by m: <reason>" lost its reason.
            case "CASE_REASSIGNED" -> key(details, "reason", summary, reason -> withoutTail(summary, reason).orElse(summary));
            // "..., reference <social care's>, ..." lost the reference.
            case "CASE_STEPPED_UP" -> key(details, "socialCareReference", summary, reference -> withoutReference(summary));
            default -> Optional.empty();
        };
    }

    /** The one free-text field {@code key} moved out, and the summary as {@code summaryWithout} rewrites it around the text. */
    private static Optional<Moved> key(Map<String, Object> details, String key, String summary, UnaryOperator<String> summaryWithout) {
        if (!details.containsKey(key)) {
            return Optional.empty();
        }
        Map<String, Object> kept = new LinkedHashMap<>(details);
        Map<String, Object> freeText = new LinkedHashMap<>();
        Object text = kept.remove(key);
        freeText.put(key, text);
        return split(text instanceof String words ? summaryWithout.apply(words) : summary, new FreeText.Split(kept, freeText));
    }

    private static Optional<Moved> split(String summary, FreeText.Split split) {
        return split.freeText().isEmpty() ? Optional.empty() : Optional.of(new Moved(summary, split.kept(), split.freeText()));
    }

    /**
     * The summary without its ": <text>" ending, which the journey cut at 500 characters ("…") when the
     * text was long; empty when it does not end so (the summary is then kept as it is).
     */
    static Optional<String> withoutTail(String summary, String text) {
        if (summary.endsWith(": " + text)) {
            return Optional.of(summary.substring(0, summary.length() - text.length() - 2));
        }
        if (summary.endsWith("…")) {
            for (int at = summary.indexOf(": "); at >= 0; at = summary.indexOf(": ", at + 1)) {
                if (text.startsWith(summary.substring(at + 2, summary.length() - 1))) {
                    return Optional.of(summary.substring(0, at));
                }
            }
        }
        return Optional.empty();
    }

    /** "Referral to children's social care recorded: referred 2026-01-05, reference X, no child protection plan" without ", reference X". */
    private static String withoutReference(String summary) {
        int from = summary.indexOf(", reference ");
        if (from < 0) {
            return summary;
        }
        int plan = Math.max(summary.lastIndexOf(", child protection plan from "), summary.lastIndexOf(", no child protection plan"));
        return summary.substring(0, from) + (plan > from ? summary.substring(plan) : "");
    }
}
