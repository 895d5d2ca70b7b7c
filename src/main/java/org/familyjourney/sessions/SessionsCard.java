package org.familyjourney.sessions;

import java.util.List;
import org.familyjourney.casework.CaseCard;
import org.springframework.stereotype.Component;

/** The case page's 1:1 sessions: how many, how long in all, and the latest few, newest first. */
@Component
class SessionsCard implements CaseCard {

    static final int LATEST = 10;

    public record Content(int count, int totalMinutes, List<SupportSession> latest) {
    }

    private final SupportSessionRepository sessions;

    SessionsCard(SupportSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public Content contentFor(String caseReference) {
        List<SupportSession> all = sessions.findByCaseReferenceOrderByHeldOnAscIdAsc(caseReference);
        return new Content(all.size(), all.stream().mapToInt(SupportSession::durationMinutes).sum(),
                all.reversed().stream().limit(LATEST).toList());
    }
}
