package org.familyjourney.safeguarding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The referral to children's social care, as the record-social-care-referral form gives it. */
record SocialCareReferral(LocalDate referredOn, String reference, boolean childProtectionPlan, LocalDate planFrom,
                          String notes, String recordedBy) {

    /** The form's answers, or null when the form was not filled in (no date referred). */
    static SocialCareReferral of(String referredOn, String reference, String planInPlace, String planFrom, String notes,
                                 String recordedBy) {
        if (referredOn == null) {
            return null;
        }
        boolean plan = "yes".equals(planInPlace);
        return new SocialCareReferral(LocalDate.parse(referredOn), reference, plan,
                plan && planFrom != null ? LocalDate.parse(planFrom) : null, notes, recordedBy);
    }

    String summary() {
        return "Referral to children's social care recorded: referred " + referredOn
                + (childProtectionPlan ? ", child protection plan from " + planFrom : ", no child protection plan");
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referredOn", referredOn.toString());
        details.put("childProtectionPlan", childProtectionPlan);
        return details;
    }

    /** Social care's reference identifies the child there: kept beside the hashed journey entry, where anonymisation reaches it. */
    Map<String, Object> freeText() {
        return reference == null ? Map.of() : Map.of("socialCareReference", reference);
    }
}
