package org.familyjourney.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.familyjourney.processes.ProcessCatalog;
import org.familyjourney.support.TestApi;

/** The models as packaged with the app (bpmn/, forms/), which the tests change and put back. */
final class Packaged {

    private Packaged() {
    }

    static String process(String id) {
        return read(Path.of("bpmn", id + ".bpmn"));
    }

    static String form(String id) {
        return read(Path.of("forms", id + ".form"));
    }

    /** The packaged diagram with an XML comment added: a new version that behaves exactly like the packaged one. */
    static String processWithComment(String id, String comment) {
        return process(id).replace("<bpmn:process id=\"" + id + "\"", "<!-- " + comment + " -->\n  <bpmn:process id=\"" + id + "\"");
    }

    /** Deploys the packaged diagram again if another content is in service (say, a test run stopped half-way). */
    static void putInService(TestApi api, String id) {
        var versions = api.get("priya", "/api/processes/" + id + "/versions").body();
        String packaged = ProcessCatalog.sha256(process(id));
        if (versions.get(0).path("sha256").asText().equals(packaged)) {
            return;
        }
        for (var version : versions) {
            if (version.path("sha256").asText().equals(packaged)) {
                api.post("priya", "/api/processes/" + id + "/rollbacks?toVersion=" + version.path("version").asInt(), Map.of());
                return;
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
