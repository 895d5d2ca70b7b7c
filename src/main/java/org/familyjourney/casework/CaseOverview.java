package org.familyjourney.casework;

import java.util.List;
import org.familyjourney.deadline.CaseDeadlines;
import org.familyjourney.escalation.Escalations;
import org.familyjourney.referral.Referral;
import org.familyjourney.referral.ReferralRepository;
import org.familyjourney.security.StaffMember;
import org.familyjourney.tasklist.TaskState;
import org.familyjourney.tasklist.UserTask;
import org.familyjourney.tasklist.UserTaskRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts together what a case looks like now, for the people allowed to see it. */
@Service
public class CaseOverview {

    private final CaseRegister cases;
    private final CaseAccess access;
    private final ReferralRepository referrals;
    private final UserTaskRepository tasks;
    private final CaseDeadlines deadlines;
    private final Escalations escalations;

    CaseOverview(CaseRegister cases, CaseAccess access, ReferralRepository referrals, UserTaskRepository tasks,
                 CaseDeadlines deadlines, Escalations escalations) {
        this.cases = cases;
        this.access = access;
        this.referrals = referrals;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.escalations = escalations;
    }

    /** Whether the family consented to support and sharing, as recorded on the referral. */
    public boolean consentGiven(String reference) {
        FamilyCase familyCase = cases.find(reference);
        return referrals.findById(familyCase.referralId()).map(r -> Boolean.TRUE.equals(r.consent().given())).orElse(false);
    }

    @Transactional
    public CaseView view(String reference, StaffMember who) {
        FamilyCase familyCase = cases.find(reference);
        access.checkMayRead(familyCase, who);
        access.recordView(reference, who, "case summary");
        Referral referral = referrals.findById(familyCase.referralId()).orElseThrow();
        List<UserTask> open = tasks.findByCaseReferenceAndStateOrderByCreatedAt(reference, TaskState.OPEN);
        return new CaseView(familyCase.reference(), familyCase.status().name(), familyCase.worker(), familyCase.openedAt(),
                familyCase.closedAt(), referral.source().name(),
                referral.concerns().stream().map(c -> c.concern().name()).sorted().toList(),
                referral.raisesSafeguardingConcern(),
                open.stream().map(UserTask::name).distinct().toList(),
                deadlines.of(reference).stream()
                        .map(d -> new CaseView.DeadlineView(d.name(), d.dueAt(), d.escalateAt())).toList(),
                open.stream().map(t -> new CaseView.OpenTask(t.id(), t.name(), t.elementId(), t.assignee(), t.groups(),
                        t.dueAt())).toList(),
                escalations.of(reference).stream()
                        .map(e -> new CaseView.EscalationView(e.kind(), e.message(), e.raisedAt(), e.state())).toList());
    }
}
