package org.familyjourney.retention;

import org.familyjourney.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/cases/{ref}/erasure {grounds}: erase a family's record where the law allows, else 409 with the reason. */
@RestController
class ErasureController {

    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping(path = "/api/cases/{reference}/erasure", consumes = "application/json")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    Erasure.Erased erase(@PathVariable String reference, @RequestBody(required = false) Erasure.Request request,
                         Authentication user) {
        return erasure.erase(reference, request, StaffMember.of(user));
    }
}
