package org.familyjourney.support;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Arrays;

/** The emails a test's mail server received about one case (its reference is in every journey email's subject). */
public final class Mails {

    private Mails() {
    }

    public static int about(GreenMail mail, String caseReference) {
        return (int) Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(caseReference);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
    }
}
