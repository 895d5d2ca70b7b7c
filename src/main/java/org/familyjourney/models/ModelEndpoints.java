package org.familyjourney.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The JSON side of processes and forms: versions, check, deploy, roll back, drafts. The same calls
 * answer under /api (HTTP Basic) and under /manage (the editor pages, with their session and CSRF
 * token). Uploads are multipart with the model in a part named "file". Only managers change anything.
 */
@RestController
@PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR', 'ADMIN')")
class ModelEndpoints {

    private static final String WRITE = "hasRole('MANAGER')";

    private final ModelDeployments deployments;
    private final ModelOverview overview;
    private final ModelDrafts drafts;
    private final ProcessMigration migration;

    ModelEndpoints(ModelDeployments deployments, ModelOverview overview, ModelDrafts drafts, ProcessMigration migration) {
        this.deployments = deployments;
        this.overview = overview;
        this.drafts = drafts;
        this.migration = migration;
    }

    @GetMapping({"/api/{kind}/{id}/versions", "/manage/{kind}/{id}/versions"})
    List<Map<String, Object>> versions(@PathVariable String kind, @PathVariable String id) {
        ModelKind modelKind = kind(kind);
        deployments.inService(modelKind, id);
        return overview.row(modelKind, id).versions().stream().map(row -> {
            Map<String, Object> version = describe(row.version());
            version.put("inService", row.inService());
            version.put("openCases", row.cases().size());
            return version;
        }).toList();
    }

    @GetMapping({"/api/{kind}/{id}/editor", "/manage/{kind}/{id}/editor"})
    @PreAuthorize(WRITE)
    Map<String, Object> editor(@PathVariable String kind, @PathVariable String id, Authentication user) {
        ModelKind modelKind = kind(kind);
        CurrentModels.Model current = deployments.inService(modelKind, id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("version", current.version());
        answer.put("fileName", current.resourceName());
        answer.put("content", current.content());
        drafts.find(modelKind, id, user.getName()).ifPresent(d -> answer.put("draft", Map.of("content", d.content(), "savedAt", d.savedAt())));
        return answer;
    }

    @PostMapping({"/api/{kind}/{id}/check", "/manage/{kind}/{id}/check"})
    @PreAuthorize(WRITE)
    Map<String, Object> check(@PathVariable String kind, @PathVariable String id, @RequestPart("file") MultipartFile file) {
        ModelDeployments.Checked checked = deployments.check(kind(kind), id, bytes(file));
        return Map.of("passed", checked.problems().isEmpty(), "problems", checked.problems());
    }

    @PostMapping({"/api/{kind}/{id}/deployments", "/manage/{kind}/{id}/deployments"})
    @PreAuthorize(WRITE)
    ResponseEntity<Map<String, Object>> deploy(@PathVariable String kind, @PathVariable String id, @RequestPart("file") MultipartFile file,
                                               @RequestParam(name = "comment", required = false) String comment, Authentication user) {
        ModelVersion deployed = deployments.deploy(kind(kind), id, bytes(file), comment, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(deployed));
    }

    @PostMapping({"/api/{kind}/{id}/rollbacks"})
    @PreAuthorize(WRITE)
    ResponseEntity<Map<String, Object>> rollBack(@PathVariable String kind, @PathVariable String id, @RequestParam int toVersion,
                                                 @RequestParam(name = "comment", required = false) String comment, Authentication user) {
        ModelVersion deployed = deployments.rollBack(kind(kind), id, toVersion, comment, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(deployed));
    }

    @PostMapping("/api/processes/{id}/migrations")
    @PreAuthorize(WRITE)
    ProcessMigration.Report migrate(@PathVariable String id, @RequestParam int fromVersion,
                                    @RequestParam(name = "case", required = false) List<String> cases, Authentication user) {
        return migration.migrate(id, fromVersion, cases == null ? List.of() : cases, user.getName());
    }

    @PostMapping({"/api/{kind}/{id}/draft", "/manage/{kind}/{id}/draft"})
    @PreAuthorize(WRITE)
    Map<String, Object> saveDraft(@PathVariable String kind, @PathVariable String id, @RequestPart("file") MultipartFile file,
                                  Authentication user) {
        ModelKind modelKind = kind(kind);
        deployments.inService(modelKind, id);
        Instant saved = drafts.save(modelKind, id, user.getName(), ModelUpload.text(bytes(file), "draft"));
        return Map.of("savedAt", saved);
    }

    static ModelKind kind(String path) {
        return switch (path) {
            case "processes" -> ModelKind.BPMN;
            case "forms" -> ModelKind.FORM;
            default -> throw new org.familyjourney.web.NotFoundException("There is nothing at this address.");
        };
    }

    static Map<String, Object> describe(ModelVersion v) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("version", v.version());
        version.put("deployedAt", v.deployedAt());
        version.put("deployedBy", v.deployedBy());
        version.put("comment", v.comment());
        version.put("sha256", v.sha256());
        version.put("fileName", v.resourceName());
        return version;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload", e);
        }
    }

    @ExceptionHandler(ModelRejected.class)
    ResponseEntity<ProblemDetail> rejected(ModelRejected e) {
        return problem(e.status(), e.getMessage(), null);
    }

    @ExceptionHandler(ModelFailedCheck.class)
    ResponseEntity<ProblemDetail> failed(ModelFailedCheck e) {
        return problem(HttpStatus.BAD_REQUEST, "The model failed the check, so nothing was deployed: "
                + e.problems().size() + " problem(s).", e.problems());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "The file is over the " + ModelUpload.MAX_BYTES / 1048576 + " MB limit.", null);
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> notMultipart(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Send the model as a multipart/form-data upload with the file in a part named \"file\".", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<ModelProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (problems != null) {
            problem.setProperty("problems", problems);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
