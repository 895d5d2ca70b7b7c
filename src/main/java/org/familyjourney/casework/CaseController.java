package org.familyjourney.casework;

import java.time.LocalDate;
import java.util.List;
import org.familyjourney.security.StaffMember;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseOverview overview;
    private final CaseReopening reopening;
    private final CaseSearch search;

    CaseController(CaseOverview overview, CaseReopening reopening, CaseSearch search) {
        this.overview = overview;
        this.reopening = reopening;
        this.search = search;
    }

    @GetMapping
    List<CaseSearch.Found> search(@RequestParam(required = false) String reference, @RequestParam(required = false) String name,
                                  @RequestParam(required = false) String postcode,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedFrom,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedTo,
                                  @RequestParam(required = false) String worker, @RequestParam(required = false) CaseStatus status,
                                  @RequestParam(required = false) String step, Authentication user) {
        return search.search(new CaseSearch.Criteria(reference, name, postcode, openedFrom, openedTo, worker, status, step),
                StaffMember.of(user));
    }

    @GetMapping("/{reference}")
    CaseView one(@PathVariable String reference, Authentication user) {
        return overview.view(reference, StaffMember.of(user));
    }

    @PostMapping("/{reference}/reopen")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER')")
    ResponseEntity<Void> reopen(@PathVariable String reference, Authentication user) {
        reopening.reopen(reference, StaffMember.of(user), overview.consentGiven(reference));
        return ResponseEntity.accepted().build();
    }
}
