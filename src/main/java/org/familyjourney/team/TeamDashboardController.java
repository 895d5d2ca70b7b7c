package org.familyjourney.team;

import org.familyjourney.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The team dashboard's figures (managers and auditors) and caseload reassignment (managers) over the API. */
@RestController
@RequestMapping("/api/team")
class TeamDashboardController {

    private final TeamDashboards dashboards;
    private final CaseloadReassignment reassignment;

    TeamDashboardController(TeamDashboards dashboards, CaseloadReassignment reassignment) {
        this.dashboards = dashboards;
        this.reassignment = reassignment;
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR')")
    TeamDashboardView dashboard(Authentication user) {
        return dashboards.show(StaffMember.of(user), "api");
    }

    /** What a reassignment would move; changes nothing. */
    @PostMapping("/caseloads/preview")
    @PreAuthorize("hasRole('MANAGER')")
    CaseloadReassignment.Preview preview(@RequestBody CaseloadReassignment.Request request, Authentication user) {
        return reassignment.preview(request, StaffMember.of(user));
    }

    /** Moves the caseload; needs {@code "confirmed": true}. */
    @PostMapping("/caseloads/reassign")
    @PreAuthorize("hasRole('MANAGER')")
    CaseloadReassignment.Result reassign(@RequestBody CaseloadReassignment.Request request, Authentication user) {
        return reassignment.move(request, StaffMember.of(user));
    }
}
