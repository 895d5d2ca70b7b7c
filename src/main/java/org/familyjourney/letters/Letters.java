package org.familyjourney.letters;

import java.util.Optional;
import org.familyjourney.notification.Notifier;
import org.familyjourney.processes.JobRef;
import org.springframework.stereotype.Component;

/**
 * Sends a letter by email, or keeps it HELD for posting when the person gave no email address, so a
 * letter is never silently lost.
 */
@Component
class Letters {

    private final Notifier notifier;

    Letters(Notifier notifier) {
        this.notifier = notifier;
    }

    void send(String caseReference, FamilyContacts.Contact to, String role, String subject, String body, JobRef job, String step) {
        Optional<String> email = to.email();
        String recipient = email.orElse(Notifier.NO_ADDRESS + role);
        notifier.send(new Notifier.Message(caseReference, recipient, subject, "Dear " + to.name() + ",\n\n" + body), job, step);
    }
}
