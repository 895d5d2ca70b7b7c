package org.familyjourney.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.familyjourney.exports.ExportJobController;
import org.familyjourney.exports.ExportJobs;
import org.familyjourney.security.StaffMember;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funder report as data: JSON and CSV at once, the PDF by an export job (202, then its status
 * address). The same addresses under /reports/funder/... serve the report page in the signed-in session.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
class FunderReportController {

    private final FunderReports reports;
    private final ExportJobs jobs;

    FunderReportController(FunderReports reports, ExportJobs jobs) {
        this.reports = reports;
        this.jobs = jobs;
    }

    @GetMapping({"/api/reports/funder", "/reports/funder/data"})
    FunderReport json(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication user) {
        return reports.report(reports.period(from, to), StaffMember.of(user), "JSON");
    }

    @GetMapping({"/api/reports/funder.csv", "/reports/funder.csv"})
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               Authentication user) {
        ReportPeriod period = reports.period(from, to);
        FunderReport report = reports.report(period, StaffMember.of(user), "CSV");
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("funder-report-" + period.from() + "-to-" + period.to() + ".csv").build().toString())
                .body(FunderReportDocuments.csv(report).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping({"/api/reports/funder.pdf", "/reports/funder.pdf"})
    ResponseEntity<Map<String, Object>> pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                            Authentication user, HttpServletRequest request) {
        ReportPeriod period = reports.period(from, to);
        StaffMember who = StaffMember.of(user);
        reports.logView(period, who, "PDF");
        return ExportJobController.accepted(jobs, who, progress -> new ExportJobs.File(
                FunderReportDocuments.pdf(reports.make(period, progress), progress), MediaType.APPLICATION_PDF,
                "funder-report-" + period.from() + "-to-" + period.to() + ".pdf"), request);
    }
}
