package org.familyjourney.caseimport;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page a manager imports a caseload from; it checks and imports through {@link CaseImportController}. */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class CaseImportPage {

    @GetMapping("/import/cases")
    String page() {
        return "import/cases";
    }
}
