package org.familyjourney.exports;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How far an export job is, and its file once done: for the API (/api/exports/...) and for the
 * pages' progress bars (/exports/..., the signed-in session). Only the person who started a job sees it.
 */
@RestController
public class ExportJobController {

    private final ExportJobs jobs;

    ExportJobController(ExportJobs jobs) {
        this.jobs = jobs;
    }

    /** 202 Accepted with the address to ask how far the job is (Location and statusUrl). */
    public static ResponseEntity<Map<String, Object>> accepted(ExportJobs jobs, StaffMember who, ExportJobs.Work work,
                                                              HttpServletRequest request) {
        ExportJobs.Job job = jobs.start(who, work);
        Map<String, Object> status = status(job, request);
        return ResponseEntity.accepted().location(URI.create((String) status.get("statusUrl"))).body(status);
    }

    @GetMapping({"/api/exports/{id}", "/exports/{id}"})
    ResponseEntity<Map<String, Object>> status(@PathVariable String id, Authentication user, HttpServletRequest request) {
        ExportJobs.Job job = find(id, user);
        return (job.state == ExportJobs.State.DONE ? ResponseEntity.ok() : ResponseEntity.accepted()).body(status(job, request));
    }

    @GetMapping({"/api/exports/{id}/file", "/exports/{id}/file"})
    ResponseEntity<byte[]> file(@PathVariable String id, Authentication user) {
        ExportJobs.Job job = find(id, user);
        if (job.state != ExportJobs.State.DONE) {
            throw new ConflictException("The export is not ready yet (" + job.percent + "% done); ask its status address again shortly.");
        }
        return JourneyExportController.download(job.file.bytes(), job.file.type(), job.file.name());
    }

    private ExportJobs.Job find(String id, Authentication user) {
        return jobs.find(id, StaffMember.of(user))
                .orElseThrow(() -> new NotFoundException("There is no export " + id + " of yours; exports are kept for 30 minutes."));
    }

    private static Map<String, Object> status(ExportJobs.Job job, HttpServletRequest request) {
        String base = request.getContextPath() + (request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? "/api" : "")
                + "/exports/" + job.id;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", job.id);
        status.put("state", job.state.name());
        status.put("percent", job.percent);
        status.put("step", job.step);
        status.put("statusUrl", base);
        if (job.state == ExportJobs.State.DONE) {
            status.put("downloadUrl", base + "/file");
            status.put("fileName", job.file.name());
        }
        return status;
    }
}
