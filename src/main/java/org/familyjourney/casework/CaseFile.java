package org.familyjourney.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.familyjourney.deadline.CaseDeadlines;
import org.familyjourney.escalation.Escalations;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.referral.Concern;
import org.familyjourney.referral.Referral;
import org.familyjourney.referral.ReferralRepository;
import org.familyjourney.security.StaffMember;
import org.familyjourney.tasklist.TaskState;
import org.familyjourney.tasklist.UserTask;
import org.familyjourney.tasklist.UserTaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family's record as the case page shows it: the family and children, the referral, consent,
 * worker, deadlines, open tasks, what the journey's forms recorded (assessment, plan, reviews,
 * closure), the other features' {@link CaseCard}s and the latest of the journey. Every opening is
 * checked against {@link CaseAccess} and leaves one entry in the access log; each part is one query.
 */
@Service
public class CaseFile {

    static final int TIMELINE_ENTRIES = 15;

    public record View(FamilyCase familyCase, Referral referral, List<Concern> concerns, List<CaseDeadlines.Deadline> deadlines,
                       List<UserTask> openTasks, List<Escalations.Escalation> escalations,
                       Recorded recorded, Map<String, Object> cards,
                       List<JourneyLog.JourneyEntry> latestJourney, int journeyEntries, Instant viewedAt) {
    }

    private final CaseRegister cases;
    private final CaseAccess access;
    private final ReferralRepository referrals;
    private final UserTaskRepository tasks;
    private final CaseDeadlines deadlines;
    private final Escalations escalations;
    private final CaseRecords records;
    private final List<CaseCard> cards;
    private final JourneyLog journey;
    private final java.time.Clock clock;

    CaseFile(CaseRegister cases, CaseAccess access, ReferralRepository referrals, UserTaskRepository tasks,
             CaseDeadlines deadlines, Escalations escalations, CaseRecords records, List<CaseCard> cards,
             JourneyLog journey, java.time.Clock clock) {
        this.cases = cases;
        this.access = access;
        this.referrals = referrals;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.escalations = escalations;
        this.records = records;
        this.cards = cards;
        this.journey = journey;
        this.clock = clock;
    }

    @Transactional
    public View open(String reference, StaffMember who) {
        FamilyCase familyCase = readable(reference, who, "case page");
        Referral referral = referrals.findById(familyCase.referralId()).orElseThrow();
        List<JourneyLog.JourneyEntry> entries = journey.of(reference);
        List<JourneyLog.JourneyEntry> latest = entries.reversed().stream().limit(TIMELINE_ENTRIES).toList();
        return new View(familyCase, referral,
                referral.concerns().stream().map(Referral.ConcernRef::concern).sorted().toList(),
                deadlines.of(reference), tasks.findByCaseReferenceAndStateOrderByCreatedAt(reference, TaskState.OPEN),
                escalations.of(reference), records.of(familyCase),
                cards.stream().collect(Collectors.toMap(CaseCard::name, card -> card.contentFor(reference))),
                latest, entries.size(), clock.instant());
    }

    /** The case if the person may read it, with the view recorded; else "no such case". */
    @Transactional
    public FamilyCase readable(String reference, StaffMember who, String what) {
        FamilyCase familyCase = cases.find(reference);
        access.checkMayRead(familyCase, who);
        access.recordView(reference, who, what);
        return familyCase;
    }
}
