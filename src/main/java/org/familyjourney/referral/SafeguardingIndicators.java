package org.familyjourney.referral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The safeguarding indicators screening looks for: the referral's own safeguarding concerns, and
 * words in its details that point to abuse, exploitation, violence or risk of harm. It errs on the
 * side of flagging ("no sign of domestic abuse" is flagged too): the DSL decides, screening only
 * makes sure the DSL looks.
 */
final class SafeguardingIndicators {

    /** Short codes, in the order a DSL would want to read them. */
    private static final Map<String, Pattern> WORDS = new LinkedHashMap<>();

    static {
        words("DOMESTIC_ABUSE", "domestic (abuse|violence)", "coercive control\\w*", "controlling behaviou?r",
                "(partner|husband|wife|boyfriend|girlfriend|ex) (hits|hit|beats|beat|assaulted|attacked|threatened)");
        words("EXPLOITATION", "exploit\\w*", "county lines", "cse", "cce", "traffick\\w*", "modern slavery",
                "criminal exploitation", "cuckoo\\w*");
        words("GROOMING", "groom(ed|ing|er|ers)");
        words("SEXUAL_ABUSE", "sexual(ly)? (abuse\\w*|assault\\w*|exploit\\w*|harm\\w*)", "inappropriate touching",
                "indecent images?", "sexting");
        words("VIOLENCE", "violen\\w*", "assault\\w*", "punch\\w*", "kick(ed|ing|s)", "strangl\\w*", "chok(ed|ing)",
                "beat(s|en|ing)? (him|her|them|me|up)", "physical abuse", "hit (him|her|them|me|the child\\w*)");
        words("WEAPON", "weapons?", "knife", "knives", "guns?", "firearms?", "machetes?", "blades?", "stab(bed|bing|s)?");
        words("RISK_OF_HARM", "risk of (serious |significant )?harm", "significant harm", "in danger", "unsafe",
                "threat\\w* to (kill|hurt|harm)", "not safe");
        words("SELF_HARM", "self[- ]?harm\\w*", "suicid\\w*", "overdos\\w*");
        words("MISSING_CHILD", "missing from (home|care|school)", "went missing", "goes missing", "ran away",
                "runs? away", "running away");
        words("NEGLECT", "neglect\\w*");
    }

    private SafeguardingIndicators() {
    }

    private static void words(String code, String... patterns) {
        WORDS.put(code, Pattern.compile("\\b(" + String.join("|", patterns) + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** Every indicator the referral shows; empty when none. */
    static List<String> of(Referral referral) {
        List<String> found = new ArrayList<>();
        for (Referral.ConcernRef concern : referral.concerns()) {
            if (concern.concern() == Concern.DOMESTIC_ABUSE) {
                found.add("CONCERN_DOMESTIC_ABUSE");
            }
            if (concern.concern() == Concern.SAFE_FROM_ABUSE_AND_EXPLOITATION) {
                found.add("CONCERN_ABUSE_AND_EXPLOITATION");
            }
        }
        found.addAll(inText(referral.details()));
        return found;
    }

    static List<String> inText(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        WORDS.forEach((code, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add("MENTIONS_" + code);
            }
        });
        return found;
    }
}
