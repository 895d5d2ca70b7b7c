package org.familyjourney.caseimport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.familyjourney.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Importing an existing caseload from a spreadsheet (CSV). A dry run checks every row and stores
 * nothing; a real import checks every row first too, and imports nothing if any row is wrong.
 */
@RestController
@RequestMapping({"/api/import/cases", "/import/cases/run"})
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class CaseImportController {

    private final ImportRows rows;
    private final CaseImportJobs jobs;

    CaseImportController(ImportRows rows, CaseImportJobs jobs) {
        this.rows = rows;
        this.jobs = jobs;
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    ResponseEntity<Map<String, Object>> importCases(@RequestBody(required = false) String csv,
                                                    @RequestParam(defaultValue = "false") boolean dryRun, Authentication user) {
        ImportRows.Checked checked = rows.check(csv);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dryRun", dryRun);
        body.put("rows", checked.rows().size() + (int) checked.problems().stream().map(ImportRows.Problem::line).distinct().count());
        body.put("validRows", checked.rows().size());
        body.put("problems", checked.problems());
        if (dryRun) {
            return ResponseEntity.ok(body);
        }
        if (!checked.problems().isEmpty()) {
            body.put("detail", "Nothing was imported: correct the rows named in problems and send the file again.");
            return ResponseEntity.badRequest().body(body);
        }
        CaseImportJobs.Job job = jobs.start(user.getName(), checked.rows());
        body.put("id", job.id);
        body.put("status", "/api/import/cases/" + job.id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/import/cases/" + job.id).body(body);
    }

    @GetMapping("/{id}")
    Map<String, Object> progress(@PathVariable String id, Authentication user) {
        CaseImportJobs.Job job = jobs.find(id, user.getName())
                .orElseThrow(() -> new NotFoundException("There is no import " + id + " of yours."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id);
        body.put("state", job.state.name());
        body.put("total", job.total);
        body.put("done", job.done);
        body.put("percent", job.total == 0 ? 100 : job.done * 100 / job.total);
        body.put("cases", job.cases);
        body.put("failures", job.failures);
        return body;
    }
}
