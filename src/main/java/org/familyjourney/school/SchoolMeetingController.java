package org.familyjourney.school;

import java.util.List;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SchoolMeetingController {

    private final SchoolMeetings meetings;
    private final CaseRegister cases;
    private final CaseAccess access;

    SchoolMeetingController(SchoolMeetings meetings, CaseRegister cases, CaseAccess access) {
        this.meetings = meetings;
        this.cases = cases;
        this.access = access;
    }

    record CaseMeetings(String caseReference, int held, List<SchoolMeeting> meetings) {
    }

    @GetMapping("/api/cases/{reference}/school-meetings")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'AUDITOR')")
    CaseMeetings list(@PathVariable String reference, Authentication user) {
        StaffMember who = StaffMember.of(user);
        access.checkMayRead(cases.find(reference), who);
        access.recordView(reference, who, "school meetings");
        return new CaseMeetings(reference, meetings.heldOn(reference), meetings.of(reference));
    }
}
