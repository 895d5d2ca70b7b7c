package org.familyjourney.incidents;

import org.familyjourney.security.RecordAccess;
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
    private final RecordAccess records;

    IncidentController(JobIncidents incidents, IncidentRetry retry, RecordAccess records) {
        this.incidents = incidents;
        this.retry = retry;
        this.records = records;
    }

    /** An incident of a case the person may read (an incident names its case); any other does not exist for them. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR')")
    JobIncident one(@PathVariable long id, Authentication user) {
        return incidents.find(id, records.readableCases(StaffMember.of(user))).orElseThrow(() -> new NotFoundException("There is no incident " + id + "."));
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasRole('MANAGER')")
    JobIncident retry(@PathVariable long id, Authentication user) {
        return retry.retry(id, StaffMember.of(user));
    }
}
