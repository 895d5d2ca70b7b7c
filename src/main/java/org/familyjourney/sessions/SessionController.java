package org.familyjourney.sessions;

import org.familyjourney.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{reference}/sessions")
class SessionController {

    private final SupportSessions sessions;

    SessionController(SupportSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER')")
    ResponseEntity<SupportSession> log(@PathVariable String reference, @RequestBody(required = false) SessionRequest request,
                                       Authentication user) {
        SupportSession saved = sessions.log(reference, request, StaffMember.of(user));
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('WORKER', 'MANAGER', 'SAFEGUARDING_LEAD', 'AUDITOR')")
    SupportSessions.CaseSessions list(@PathVariable String reference, Authentication user) {
        return sessions.of(reference, StaffMember.of(user));
    }
}
