package org.familyjourney.casework;

import java.util.List;
import org.familyjourney.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Restricting a record to named people, naming more, lifting it, and who is named; see {@link CaseRestrictions}. */
@RestController
@RequestMapping("/api/cases/{reference}/restriction")
class RestrictionController {

    private final CaseRestrictions restrictions;
    private final CaseRegister cases;
    private final CaseAccess access;

    RestrictionController(CaseRestrictions restrictions, CaseRegister cases, CaseAccess access) {
        this.restrictions = restrictions;
        this.cases = cases;
        this.access = access;
    }

    record RestrictRequest(String reason, List<String> people) {
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAnyRole('MANAGER', 'SAFEGUARDING_LEAD')")
    CaseRestrictions.Restriction restrict(@PathVariable String reference, @RequestBody RestrictRequest request, Authentication user) {
        return restrictions.restrict(reference, request.reason(), request.people(), StaffMember.of(user));
    }

    record LiftRequest(String reason) {
    }

    /** A safeguarding lead named on the record lifts the restriction; the reason goes in the journey. */
    @PostMapping(path = "/lift", consumes = "application/json")
    @PreAuthorize("hasRole('SAFEGUARDING_LEAD')")
    CaseRestrictions.Restriction lift(@PathVariable String reference, @RequestBody LiftRequest request, Authentication user) {
        return restrictions.lift(reference, request.reason(), StaffMember.of(user));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'AUDITOR')")
    CaseRestrictions.Restriction restriction(@PathVariable String reference, Authentication user) {
        StaffMember who = StaffMember.of(user);
        access.checkMayRead(cases.find(reference), who);
        access.recordView(reference, who, "restriction");
        return restrictions.of(reference);
    }
}
