package org.familyjourney.signposting;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One element of the journey's {@code onwardReferrals} list: {organisation, service, email, reason}.
 * Checked before anything is sent, so a referral never goes to a malformed address.
 */
record OnwardReferralRequest(String organisation, OnwardService service, String email, String reason) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    static OnwardReferralRequest of(Map<String, Object> element) {
        if (element == null) {
            throw new IllegalArgumentException("The onwardReferral variable is missing");
        }
        String organisation = text(element.get("organisation"));
        String service = text(element.get("service"));
        String email = text(element.get("email"));
        if (organisation == null) {
            throw new IllegalArgumentException("The onward referral names no organisation");
        }
        OnwardService kind;
        try {
            kind = OnwardService.valueOf(service == null ? "OTHER" : service.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The onward referral to " + organisation + " has an unknown service '" + service + "'");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("The onward referral to " + organisation + " has no valid email address");
        }
        return new OnwardReferralRequest(organisation, kind, email, text(element.get("reason")));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
