package org.familyjourney.incidents;

import org.familyjourney.security.StaffMember;
import org.familyjourney.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Job incidents over the API: read one (managers, auditors), retry it (managers only). */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

    private final JobIncidents incidents;
    private final IncidentRetry retry;

    IncidentController(JobIncidents incidents, IncidentRetry retry) {
        this.incidents = incidents;
        this.retry = retry;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR')")
    JobIncident one(@PathVariable long id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("There is no incident " + id + "."));
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('MANAGER')")
    JobIncident retry(@PathVariable long id, Authentication user) {
        return retry.retry(id, StaffMember.of(user));
    }
}
