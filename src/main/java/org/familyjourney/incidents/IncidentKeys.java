package org.familyjourney.incidents;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.familyjourney.engine.EmbeddedEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's key of the active incident of a job: a job carries no incident key, and resolving needs
 * one. The embedded engine has no query API, so its record stream is read (every record is copied,
 * which is slow on a big engine: once per retry, never in a loop). A remote cluster answers its search
 * API (REST, secondary storage: Elasticsearch/OpenSearch in 8.8), which needs the client's REST address.
 */
@Component
class IncidentKeys {

    private final ObjectProvider<EmbeddedEngine> embedded;
    private final CamundaClient client;

    IncidentKeys(ObjectProvider<EmbeddedEngine> embedded, CamundaClient client) {
        this.embedded = embedded;
        this.client = client;
    }

    Optional<Long> activeIncidentOf(long jobKey) {
        EmbeddedEngine engine = embedded.getIfAvailable();
        return engine != null ? fromRecords(engine, jobKey) : fromSearch(jobKey);
    }

    private static Optional<Long> fromRecords(EmbeddedEngine engine, long jobKey) {
        Map<Long, Boolean> active = new LinkedHashMap<>();
        for (Record<?> record : engine.engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() != ValueType.INCIDENT || ((IncidentRecordValue) record.getValue()).getJobKey() != jobKey) {
                continue;
            }
            if (record.getIntent() == IncidentIntent.CREATED) {
                active.put(record.getKey(), true);
            } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                active.remove(record.getKey());
            }
        }
        return active.keySet().stream().reduce((first, last) -> last);
    }

    private Optional<Long> fromSearch(long jobKey) {
        return client.newIncidentSearchRequest().filter(f -> f.jobKey(jobKey).state(IncidentState.ACTIVE)).send().join()
                .items().stream().map(Incident::getIncidentKey).findFirst();
    }
}
