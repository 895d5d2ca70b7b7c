package org.familyjourney.models;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.InvalidInputException;
import org.familyjourney.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' pages: every process and form with its versions (auditors may look), the diagram
 * and form editors ({@link ModelEndpoints} answers their calls), downloads and roll back.
 */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'AUDITOR', 'ADMIN')")
class ProcessesPage {

    private final ModelOverview overview;
    private final ModelVersions versions;
    private final ModelDeployments deployments;
    private final ProcessMigration migration;
    private final MessageSource messages;

    ProcessesPage(ModelOverview overview, ModelVersions versions, ModelDeployments deployments, ProcessMigration migration,
                  MessageSource messages) {
        this.overview = overview;
        this.versions = versions;
        this.deployments = deployments;
        this.migration = migration;
        this.messages = messages;
    }

    @GetMapping("/manage/processes")
    String list(Model model) {
        model.addAttribute("processes", overview.of(ModelKind.BPMN));
        model.addAttribute("forms", overview.of(ModelKind.FORM));
        return "manage/processes";
    }

    @GetMapping("/manage/processes/{id}/edit")
    @PreAuthorize("hasRole('MANAGER')")
    String editProcess(@PathVariable String id, Model model) {
        model.addAttribute("model", deployments.inService(ModelKind.BPMN, id));
        return "manage/process-editor";
    }

    @GetMapping("/manage/forms/{id}/edit")
    @PreAuthorize("hasRole('MANAGER')")
    String editForm(@PathVariable String id, Model model) {
        model.addAttribute("model", deployments.inService(ModelKind.FORM, id));
        return "manage/form-editor";
    }

    @GetMapping("/manage/{kind}/{id}/versions/{version}/download")
    ResponseEntity<String> download(@PathVariable String kind, @PathVariable String id, @PathVariable int version) {
        ModelKind modelKind = ModelEndpoints.kind(kind);
        ModelVersion found = versions.find(modelKind, id, version)
                .orElseThrow(() -> new NotFoundException("There is no version " + version + " of " + id + "."));
        String name = id + "-v" + version + modelKind.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(modelKind == ModelKind.BPMN ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON)
                .body(versions.content(found));
    }

    @PostMapping("/manage/processes/{id}/migrations")
    @PreAuthorize("hasRole('MANAGER')")
    String migrate(@PathVariable String id, @RequestParam int fromVersion, Authentication user, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("migration", migration.migrate(id, fromVersion, java.util.List.of(), user.getName()));
        } catch (ConflictException | InvalidInputException e) {
            flash.addFlashAttribute("problem", e instanceof InvalidInputException invalid ? invalid.problems().getFirst().message() : e.getMessage());
        }
        return "redirect:/manage/processes#processes-" + id;
    }

    @PostMapping("/manage/{kind}/{id}/rollbacks")
    @PreAuthorize("hasRole('MANAGER')")
    String rollBack(@PathVariable String kind, @PathVariable String id, @RequestParam int toVersion,
                    @RequestParam(name = "comment", required = false) String comment, Authentication user,
                    RedirectAttributes flash, Locale locale) {
        try {
            ModelVersion deployed = deployments.rollBack(ModelEndpoints.kind(kind), id, toVersion, comment, user.getName());
            flash.addFlashAttribute("message", messages.getMessage("models.rolledBack",
                    new Object[] {id, toVersion, deployed.version()}, locale));
        } catch (ConflictException | ModelFailedCheck | InvalidInputException e) {
            flash.addFlashAttribute("problem", e instanceof ModelFailedCheck failed
                    ? messages.getMessage("models.rollBackFailed", new Object[] {id, failed.problems().getFirst().message()}, locale)
                    : e.getMessage());
        }
        return "redirect:/manage/processes#" + kind + "-" + id;
    }
}
