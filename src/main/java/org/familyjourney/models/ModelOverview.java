package org.familyjourney.models;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The processes page's content: every process and form with its versions, newest first. */
@Component
class ModelOverview {

    record VersionRow(ModelVersion version, boolean inService, List<String> cases) {
    }

    record ModelRow(ModelKind kind, String id, String fileName, List<VersionRow> versions) {

        public VersionRow inService() {
            return versions.getFirst();
        }
    }

    private final CurrentModels current;
    private final ModelVersions versions;
    private final VersionCases cases;

    ModelOverview(CurrentModels current, ModelVersions versions, VersionCases cases) {
        this.current = current;
        this.versions = versions;
        this.cases = cases;
    }

    List<ModelRow> of(ModelKind kind) {
        return current.ids(kind).stream().map(id -> row(kind, id)).filter(row -> !row.versions().isEmpty()).toList();
    }

    ModelRow row(ModelKind kind, String id) {
        Map<Integer, List<String>> onVersion = kind == ModelKind.BPMN ? cases.of(id) : Map.of();
        List<ModelVersion> all = versions.of(kind, id).reversed();
        List<VersionRow> rows = all.stream()
                .map(v -> new VersionRow(v, v == all.getFirst(), onVersion.getOrDefault(v.version(), List.of())))
                .toList();
        return new ModelRow(kind, id, rows.isEmpty() ? id + kind.extension() : rows.getFirst().version().resourceName(), rows);
    }
}
