package org.familyjourney.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.familyjourney.processes.ProcessCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * What is in service for each model: its newest logical version. The files packaged in the jar
 * (bpmn/, forms/) are versions too, recorded by "system" the first time their content is seen, so a
 * new release of the app puts its changed files into service, while a restart of the same release
 * keeps whatever a manager deployed last instead of going back to the packaged file.
 */
@Component
public class CurrentModels {

    private static final Logger log = LoggerFactory.getLogger(CurrentModels.class);

    /** One model as it is to be deployed: forms before processes, so a process finds its forms. */
    public record Model(ModelKind kind, String id, String resourceName, String content, int version) {

        public byte[] bytes() {
            return content.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final ModelVersions versions;
    private final ModelIds ids;

    CurrentModels(ModelVersions versions, ModelIds ids) {
        this.versions = versions;
        this.ids = ids;
    }

    /** Records packaged files whose content is new, then answers the current version of every model. */
    public List<Model> atStartUp() {
        List<Model> current = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            for (Resource file : packaged(kind)) {
                String content = read(file);
                String id = ids.of(kind, content, file.getFilename());
                recordIfNew(kind, id, file.getFilename(), content);
                current.add(current(kind, id).orElseThrow());
            }
        }
        current.sort(Comparator.comparing((Model m) -> m.kind() != ModelKind.FORM).thenComparing(Model::resourceName));
        return current;
    }

    public Optional<Model> current(ModelKind kind, String id) {
        return versions.latest(kind, id).map(v -> new Model(kind, id, v.resourceName(), versions.content(v), v.version()));
    }

    /** The ids of the packaged models of a kind, in file-name order: the models a manager may change. */
    public List<String> ids(ModelKind kind) {
        return packaged(kind).stream().map(file -> ids.of(kind, read(file), file.getFilename())).toList();
    }

    private void recordIfNew(ModelKind kind, String id, String resourceName, String content) {
        if (versions.knows(kind, id, ProcessCatalog.sha256(content))) {
            return;
        }
        try {
            ModelVersion added = versions.add(kind, id, resourceName, content, ModelVersion.SYSTEM, ModelVersion.PACKAGED);
            log.info("Packaged {} {} recorded as version {}", kind, id, added.version());
        } catch (DuplicateKeyException e) {
            // Another instance of the app, starting at the same moment, recorded it first.
            log.info("Packaged {} {} was recorded by another instance", kind, id);
        }
    }

    private static List<Resource> packaged(ModelKind kind) {
        try {
            var found = new ArrayList<>(Arrays.asList(new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + kind.packagedFolder() + "/*" + kind.extension())));
            found.sort(Comparator.comparing(Resource::getFilename));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the packaged models", e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read model " + resource.getFilename(), e);
        }
    }
}
