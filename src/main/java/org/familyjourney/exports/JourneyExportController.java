package org.familyjourney.exports;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.familyjourney.casework.CaseAccess;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.journey.JourneyLog.JourneyEntry;
import org.familyjourney.security.StaffMember;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's journey as CSV or PDF, for auditors and the people who hold the case: by the API, or from the
 * auditor's page in the signed-in session (/audit/...). Each export is logged.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER', 'SAFEGUARDING_LEAD', 'WORKER')")
class JourneyExportController {

    static final List<String> COLUMNS = List.of("entry", "time (UK)", "kind", "step", "by", "what", "details");
    private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/London"));

    private final JourneyLog journey;
    private final CaseRegister cases;
    private final CaseAccess access;

    JourneyExportController(JourneyLog journey, CaseRegister cases, CaseAccess access) {
        this.journey = journey;
        this.cases = cases;
        this.access = access;
    }

    @GetMapping({"/api/cases/{reference}/journey.csv", "/audit/cases/{reference}/journey.csv"})
    ResponseEntity<byte[]> csv(@PathVariable String reference, Authentication user) {
        List<List<?>> rows = rows(reference, StaffMember.of(user), "journey export (CSV)");
        return download(Csv.of(COLUMNS, rows).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), reference + "-journey.csv");
    }

    @GetMapping({"/api/cases/{reference}/journey.pdf", "/audit/cases/{reference}/journey.pdf"})
    ResponseEntity<byte[]> pdf(@PathVariable String reference, Authentication user) {
        List<List<?>> rows = rows(reference, StaffMember.of(user), "journey export (PDF)");
        byte[] pdf = new Pdf("Journey of case " + reference).line(rows.size() + " entries, oldest first. Times are UK time.")
                .table(COLUMNS, rows).bytes();
        return download(pdf, MediaType.APPLICATION_PDF, reference + "-journey.pdf");
    }

    private List<List<?>> rows(String reference, StaffMember who, String what) {
        access.checkMayRead(cases.find(reference), who);
        access.recordView(reference, who, what);
        return journey.of(reference).stream().map(JourneyExportController::row).toList();
    }

    private static List<?> row(JourneyEntry entry) {
        return List.of(entry.id(), UK_TIME.format(entry.occurredAt()), entry.kind().name(), String.valueOf(entry.step()),
                entry.actor(), entry.summary(), entry.details() == null ? "" : entry.details());
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
