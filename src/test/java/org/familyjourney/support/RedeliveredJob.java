package org.familyjourney.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The same job delivered once more, as the engine does after a timeout or a lost completion: same key,
 * same instance, same element, same headers and variables. Handing it to a worker bean proves the
 * worker's side effects happen once however often a job arrives.
 */
public record RedeliveredJob(long key, String type, long processInstanceKey, String bpmnProcessId, String elementId,
                             Map<String, String> customHeaders, Map<String, Object> variables) implements ActivatedJob {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public long getKey() {
        return key;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public long getProcessInstanceKey() {
        return processInstanceKey;
    }

    @Override
    public String getBpmnProcessId() {
        return bpmnProcessId;
    }

    @Override
    public int getProcessDefinitionVersion() {
        return 1;
    }

    @Override
    public long getProcessDefinitionKey() {
        return 0;
    }

    @Override
    public String getElementId() {
        return elementId;
    }

    @Override
    public long getElementInstanceKey() {
        return 0;
    }

    @Override
    public Map<String, String> getCustomHeaders() {
        return customHeaders;
    }

    @Override
    public String getWorker() {
        return "redelivery";
    }

    @Override
    public int getRetries() {
        return 3;
    }

    @Override
    public long getDeadline() {
        return 0;
    }

    @Override
    public String getVariables() {
        return toJson();
    }

    @Override
    public Map<String, Object> getVariablesAsMap() {
        return variables;
    }

    @Override
    public <T> T getVariablesAsType(Class<T> variableType) {
        return JSON.convertValue(variables, variableType);
    }

    @Override
    public Object getVariable(String name) {
        return variables.get(name);
    }

    @Override
    public UserTaskProperties getUserTask() {
        return null;
    }

    @Override
    public JobKind getKind() {
        return JobKind.BPMN_ELEMENT;
    }

    @Override
    public ListenerEventType getListenerEventType() {
        return ListenerEventType.UNSPECIFIED;
    }

    @Override
    public String toJson() {
        try {
            return JSON.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getTenantId() {
        return "<default>";
    }

    @Override
    public List<DocumentReferenceResponse> getDocumentReferences(String variableName) {
        return List.of();
    }

    @Override
    public Set<String> getTags() {
        return Set.of();
    }
}
