package org.familyjourney.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
