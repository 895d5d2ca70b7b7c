package org.familyjourney.models;

import io.camunda.zeebe.el.Expression;
import io.camunda.zeebe.el.ExpressionLanguage;
import io.camunda.zeebe.el.ExpressionLanguageFactory;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.util.time.Interval;
import io.camunda.zeebe.model.bpmn.util.time.RepeatingInterval;
import io.camunda.zeebe.model.bpmn.util.time.TimeDateTimer;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.familyjourney.engine.FormCatalog;
import org.familyjourney.operations.JobWorkers;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The check a diagram passes before it is deployed: Zeebe's own model validation, then our rules.
 * Every problem names the element it concerns, so the editor can mark it on the diagram.
 */
@Component
public class BpmnCheck {

    private static final Set<String> TIMERS = Set.of("timeDate", "timeDuration", "timeCycle");

    private final FormCatalog forms;
    private final JobWorkers workers;
    private final ExpressionLanguage feel = ExpressionLanguageFactory.createExpressionLanguage(ZonedDateTime::now);

    BpmnCheck(FormCatalog forms, JobWorkers workers) {
        this.forms = forms;
        this.workers = workers;
    }

    public record Checked(String xml, List<ModelProblem> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** Throws {@link ModelRejected} when the upload is no diagram at all; otherwise lists what is wrong. */
    public Checked check(String processId, byte[] upload) {
        BpmnDocument doc = BpmnDocument.read(upload);
        List<ModelProblem> problems = new ArrayList<>();
        processId(doc, processId, problems);
        engineValidation(doc, problems);
        userTasks(doc, problems);
        jobTypes(doc, problems);
        expressions(doc, problems);
        return new Checked(doc.xml, List.copyOf(problems));
    }

    private static void processId(BpmnDocument doc, String processId, List<ModelProblem> problems) {
        var processes = doc.model.getModelElementsByType(Process.class);
        if (processes.stream().noneMatch(p -> processId.equals(p.getId()))) {
            String found = processes.stream().map(Process::getId).findFirst().orElse("none");
            problems.add(problem(doc.ref(processes.stream().findFirst().map(p -> (org.camunda.bpm.model.xml.instance.ModelElementInstance) p)
                    .orElse(doc.model.getDefinitions())), ModelProblem.PROCESS_ID, "The process id must stay '" + processId
                    + "' (this diagram has '" + found + "'): new referrals and running cases find the process by it."));
        }
    }

    private static void engineValidation(BpmnDocument doc, List<ModelProblem> problems) {
        doc.model.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults().forEach((element, results) -> results.stream()
                .filter(r -> r.getType() == ValidationResultType.ERROR)
                .forEach(r -> problems.add(problem(doc.ref(element), ModelProblem.ENGINE, r.getMessage()))));
    }

    private void userTasks(BpmnDocument doc, List<ModelProblem> problems) {
        for (UserTask task : doc.model.getModelElementsByType(UserTask.class)) {
            String[] ref = doc.ref(task);
            if (task.getSingleExtensionElement(ZeebeUserTask.class) != null) {
                problems.add(problem(ref, ModelProblem.ENGINE, "Is a Camunda user task; this app's tasklist serves job-worker user tasks "
                        + "(the embedded engine has no user task API): switch the implementation to 'Job worker'."));
            }
            ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
            String formId = form == null ? null : form.getFormId();
            if (formId == null || formId.isBlank()) {
                problems.add(problem(ref, ModelProblem.FORM, "Has no form: link one of the forms of forms/ (Form > Camunda Form, form ID)."));
            } else if (forms.schema(formId).isEmpty()) {
                problems.add(problem(ref, ModelProblem.FORM, "Links form '" + formId + "', which does not exist in forms/."));
            }
            ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
            if (assignment == null || (blank(assignment.getAssignee()) && blank(assignment.getCandidateGroups())
                    && blank(assignment.getCandidateUsers()))) {
                problems.add(problem(ref, ModelProblem.ASSIGNMENT,
                        "Has nobody to do it: give it an assignee, candidate groups or candidate users (Assignment)."));
            }
        }
    }

    private void jobTypes(BpmnDocument doc, List<ModelProblem> problems) {
        Set<String> served = workers.types().keySet();
        for (ZeebeTaskDefinition definition : doc.model.getModelElementsByType(ZeebeTaskDefinition.class)) {
            String type = definition.getType();
            if (blank(type)) {
                continue; // Zeebe's own validation reports a missing job type.
            }
            if (!type.startsWith("=") && !served.contains(type)) {
                problems.add(problem(doc.ref(definition), ModelProblem.WORKER, "Its job type '" + type
                        + "' has no worker in this app, so the step would wait for ever. Job types served: " + String.join(", ", served) + "."));
            }
        }
    }

    /** Every "=..." attribute or text is FEEL and must parse; timers must parse as FEEL or as ISO 8601 / cron. */
    private void expressions(BpmnDocument doc, List<ModelProblem> problems) {
        NodeList all = doc.dom.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String value = ((Attr) attributes.item(a)).getValue().strip();
                if (value.startsWith("=")) {
                    feel(doc, element, value, ModelProblem.EXPRESSION, problems);
                }
            }
            if (!hasChildElements(element)) {
                String text = element.getTextContent().strip();
                boolean timer = BpmnDocument.BPMN_NS.equals(element.getNamespaceURI()) && TIMERS.contains(element.getLocalName());
                if (text.startsWith("=")) {
                    feel(doc, element, text, timer ? ModelProblem.TIMER : ModelProblem.EXPRESSION, problems);
                } else if (timer) {
                    staticTimer(doc, element, text, problems);
                }
            }
        }
    }

    private void feel(BpmnDocument doc, Element element, String expression, String rule, List<ModelProblem> problems) {
        Expression parsed = feel.parseExpression(expression);
        if (!parsed.isValid()) {
            problems.add(problem(doc.ref(element), rule, "The expression " + expression + " does not parse: " + parsed.getFailureMessage()));
        }
    }

    private static void staticTimer(BpmnDocument doc, Element element, String text, List<ModelProblem> problems) {
        String kind = element.getLocalName();
        try {
            switch (kind) {
                case "timeDate" -> TimeDateTimer.parse(text);
                case "timeDuration" -> Interval.parse(text);
                default -> {
                    if (!CronExpression.isValidExpression(text)) {
                        RepeatingInterval.parse(text);
                    }
                }
            }
        } catch (RuntimeException e) {
            String expected = switch (kind) {
                case "timeDate" -> "an ISO 8601 date and time such as 2027-01-31T09:00:00Z";
                case "timeDuration" -> "an ISO 8601 duration such as P3D or PT12H";
                default -> "an ISO 8601 cycle such as R3/P1D, or a cron expression";
            };
            problems.add(problem(doc.ref(element), ModelProblem.TIMER, "The timer '" + text + "' (" + kind + ") does not parse: use "
                    + expected + ", or a FEEL expression starting with =."));
        }
    }

    private static boolean hasChildElements(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ModelProblem problem(String[] ref, String rule, String message) {
        return new ModelProblem(ref[0], ref[1], rule, message);
    }
}
