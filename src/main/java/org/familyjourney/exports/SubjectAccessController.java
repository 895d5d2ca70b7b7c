package org.familyjourney.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.familyjourney.casework.CaseFile;
import org.familyjourney.security.StaffMember;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subject access request answered: everything held about a family, as JSON at once, or as a PDF
 * made by an export job (202, then its status address). Each request is logged in the case's access
 * log before anything is read, so the export lists itself.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
class SubjectAccessController {

    private final SubjectAccess subjectAccess;
    private final CaseFile caseFile;
    private final ExportJobs jobs;
    private final ObjectMapper json;
    private final Clock clock;

    SubjectAccessController(SubjectAccess subjectAccess, CaseFile caseFile, ExportJobs jobs, ObjectMapper json, Clock clock) {
        this.subjectAccess = subjectAccess;
        this.caseFile = caseFile;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping({"/api/cases/{reference}/subject-access", "/audit/cases/{reference}/subject-access"})
    ResponseEntity<byte[]> asJson(@PathVariable String reference, Authentication user) throws Exception {
        StaffMember who = StaffMember.of(user);
        String ref = caseFile.readable(reference, who, "subject access export (JSON)").reference();
        SubjectAccess.Held held = subjectAccess.gather(ref, who.username(), clock.instant(), (percent, step) -> { });
        byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(held);
        return JourneyExportController.download(body, MediaType.APPLICATION_JSON, ref + "-subject-access.json");
    }

    @GetMapping({"/api/cases/{reference}/subject-access.pdf", "/audit/cases/{reference}/subject-access.pdf"})
    ResponseEntity<Map<String, Object>> asPdf(@PathVariable String reference, Authentication user, HttpServletRequest request) {
        StaffMember who = StaffMember.of(user);
        String ref = caseFile.readable(reference, who, "subject access export (PDF)").reference();
        var madeAt = clock.instant();
        return ExportJobController.accepted(jobs, who, progress -> {
            SubjectAccess.Held held = subjectAccess.gather(ref, who.username(), madeAt, progress);
            return new ExportJobs.File(SubjectAccessPdf.of(held, progress), MediaType.APPLICATION_PDF, ref + "-subject-access.pdf");
        }, request);
    }
}
