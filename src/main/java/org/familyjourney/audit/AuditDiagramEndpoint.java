package org.familyjourney.audit;

import java.util.Map;
import org.familyjourney.casework.CaseFile;
import org.familyjourney.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The audit page's JSON call: the diagrams a case ran on and its path, for the static bpmn-js script (CSP: no inline data). */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
class AuditDiagramEndpoint {

    private final ProcessPath path;
    private final CaseFile caseFile;

    AuditDiagramEndpoint(ProcessPath path, CaseFile caseFile) {
        this.path = path;
        this.caseFile = caseFile;
    }

    @GetMapping("/audit/cases/{reference}/diagram")
    Map<String, Object> diagram(@PathVariable String reference, Authentication user) {
        String ref = caseFile.readable(reference, StaffMember.of(user), "audit process diagram").reference();
        return Map.of("reference", ref, "diagrams", path.of(ref));
    }
}
