package org.familyjourney.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.FieldChecks;
import org.familyjourney.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logging 1:1 sessions with a family and listing them, for those who may see the case. */
@Service
public class SupportSessions {

    static final int MAX_MINUTES = 600;
    static final int MAX_NOTES = 5000;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final SupportSessionRepository sessions;
    private final CaseRegister cases;
    private final CaseAccess access;
    private final JourneyLog journey;
    private final Clock clock;

    SupportSessions(SupportSessionRepository sessions, CaseRegister cases, CaseAccess access, JourneyLog journey, Clock clock) {
        this.sessions = sessions;
        this.cases = cases;
        this.access = access;
        this.journey = journey;
        this.clock = clock;
    }

    public record CaseSessions(String caseReference, int count, int totalMinutes, List<SupportSession> sessions) {
    }

    /** Workers and managers log sessions (they are the ones who meet families); the API allows the same. */
    public boolean mayLog(StaffMember who) {
        return who.has(Role.WORKER) || who.has(Role.MANAGER);
    }

    @Transactional
    public SupportSession log(String caseReference, SessionRequest request, StaffMember who) {
        FamilyCase familyCase = cases.find(caseReference);
        access.checkMayRead(familyCase, who);
        if (request == null) {
            throw new InvalidInputException("body", "must be a session: {date, kind, durationMinutes, notes}");
        }
        FieldChecks problems = new FieldChecks();
        LocalDate date = problems.date("date", request.date());
        if (date != null && date.isAfter(LocalDate.now(clock.withZone(UK)))) {
            problems.add("date", "cannot be in the future: log a session once it has taken place");
        } else if (date != null && date.getYear() < 2000) {
            problems.add("date", "is before the year 2000; check the year");
        }
        SessionKind kind = problems.oneOf("kind", request.kind(), SessionKind.class);
        Integer minutes = minutes(problems, request.durationMinutes());
        String notes = problems.text("notes", request.notes(), false, MAX_NOTES);
        problems.throwIfAny();
        SupportSession saved = sessions.save(new SupportSession(null, caseReference, date, kind, minutes, notes,
                who.username(), clock.instant()));
        journey.record(caseReference, JourneyKind.SESSION_RECORDED, null, who.username(),
                "1:1 session logged by " + who.username() + ": " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " on " + date + ", " + minutes + " minutes",
                Map.of("sessionId", saved.id(), "kind", kind.name(), "date", date.toString(), "durationMinutes", minutes));
        return saved;
    }

    @Transactional
    public CaseSessions of(String caseReference, StaffMember who) {
        access.checkMayRead(cases.find(caseReference), who);
        access.recordView(caseReference, who, "1:1 sessions");
        List<SupportSession> all = sessions.findByCaseReferenceOrderByHeldOnAscIdAsc(caseReference);
        return new CaseSessions(caseReference, all.size(), all.stream().mapToInt(SupportSession::durationMinutes).sum(), all);
    }

    private static Integer minutes(FieldChecks problems, String value) {
        String text = problems.text("durationMinutes", value, true, 10);
        if (text == null) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(text);
            if (minutes < 1 || minutes > MAX_MINUTES) {
                problems.add("durationMinutes", "must be between 1 and " + MAX_MINUTES + " minutes");
                return null;
            }
            return minutes;
        } catch (NumberFormatException e) {
            problems.add("durationMinutes", "must be a whole number of minutes, like 45");
            return null;
        }
    }
}
