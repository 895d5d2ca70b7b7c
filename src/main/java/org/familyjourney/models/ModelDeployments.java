package org.familyjourney.models;

import io.camunda.client.api.command.ClientStatusException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.engine.ModelDeployer;
import org.familyjourney.journey.JourneyKind;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.InvalidInputException;
import org.familyjourney.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a new version of a process or form into service: it must pass the check, differ from the
 * version in service and carry a comment; then it is recorded as the next logical version and
 * deployed. New referrals start on it; running cases stay on the version they started on.
 */
@Service
public class ModelDeployments {

    private final CurrentModels current;
    private final ModelVersions versions;
    private final ModelDrafts drafts;
    private final BpmnCheck bpmnCheck;
    private final FormCheck formCheck;
    private final ModelDeployer deployer;
    private final JourneyLog journey;

    ModelDeployments(CurrentModels current, ModelVersions versions, ModelDrafts drafts, BpmnCheck bpmnCheck, FormCheck formCheck,
                     ModelDeployer deployer, JourneyLog journey) {
        this.current = current;
        this.versions = versions;
        this.drafts = drafts;
        this.bpmnCheck = bpmnCheck;
        this.formCheck = formCheck;
        this.deployer = deployer;
        this.journey = journey;
    }

    public record Checked(String content, List<ModelProblem> problems) {
    }

    public CurrentModels.Model inService(ModelKind kind, String id) {
        return current.current(kind, id).orElseThrow(() -> new NotFoundException("There is no " + label(kind) + " '" + id + "'."));
    }

    public Checked check(ModelKind kind, String id, byte[] upload) {
        inService(kind, id);
        if (kind == ModelKind.BPMN) {
            BpmnCheck.Checked checked = bpmnCheck.check(id, upload);
            return new Checked(checked.xml(), checked.problems());
        }
        FormCheck.Checked checked = formCheck.check(id, upload);
        return new Checked(checked.content(), checked.problems());
    }

    @Transactional
    public ModelVersion deploy(ModelKind kind, String id, byte[] upload, String comment, String by) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "Say what changed and why: the comment goes into the version history.");
        }
        if (comment.length() > 500) {
            throw new InvalidInputException("comment", "Keep the comment under 500 characters.");
        }
        CurrentModels.Model before = inService(kind, id);
        Checked checked = check(kind, id, upload);
        if (!checked.problems().isEmpty()) {
            throw new ModelFailedCheck(checked.problems());
        }
        if (ProcessCatalog.sha256(checked.content()).equals(ProcessCatalog.sha256(before.content()))) {
            throw new ConflictException("This is the same as version " + before.version() + ", in service now: nothing to deploy.");
        }
        ModelVersion added;
        try {
            added = versions.add(kind, id, before.resourceName(), checked.content(), by, comment.strip());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Someone deployed " + id + " at the same moment; reload to see their version, then try again.");
        }
        try {
            deployer.deploy(List.of(new CurrentModels.Model(kind, id, added.resourceName(), checked.content(), added.version())),
                    by, added.comment());
        } catch (ClientStatusException e) {
            // The engine's own deployment checks go further than ours; its refusal rolls our record back.
            throw new ModelFailedCheck(List.of(new ModelProblem("", "", ModelProblem.ENGINE, "The engine refused it: " + e.getMessage())));
        }
        if (kind == ModelKind.FORM) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("formId", id);
            details.put("modelVersion", added.version());
            details.put("sha256", added.sha256());
            details.put("comment", added.comment());
            journey.record(null, JourneyKind.PROCESS_DEPLOYED, id, by, "Form " + id + " version " + added.version() + " deployed", details);
        }
        drafts.discard(kind, id, by);
        return added;
    }

    /** Deploys an earlier version again, as a new version with the same content. */
    @Transactional
    public ModelVersion rollBack(ModelKind kind, String id, int toVersion, String comment, String by) {
        ModelVersion target = versions.find(kind, id, toVersion)
                .orElseThrow(() -> new NotFoundException(label(kind) + " " + id + " has no version " + toVersion + "."));
        String why = "Rolled back to version " + toVersion + (comment == null || comment.isBlank() ? "" : ": " + comment.strip());
        return deploy(kind, id, versions.content(target).getBytes(java.nio.charset.StandardCharsets.UTF_8), why, by);
    }

    static String label(ModelKind kind) {
        return kind == ModelKind.BPMN ? "process" : "form";
    }
}
