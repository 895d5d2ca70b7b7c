package org.familyjourney.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.familyjourney.web.BadInputs.Body;

/**
 * Bad uploads of a process diagram to the deploy endpoint, each built from the model in service so
 * that none can pass: not XML, cut off, not BPMN, external entities, entity bombs, another process
 * id, invalid UTF-8, over the size limit, no file at all, or the version already in service. A
 * changed but valid model is never sent (it would deploy, and every later test would run on it).
 */
final class ModelUploads {

    private final String inService;

    ModelUploads(String inService) {
        this.inService = inService;
    }

    Body next(BadInputs b) {
        String comment = b.chance(0.2) ? b.hostile() : "Fuzz deploy";
        List<Function<BadInputs, Body>> flaws = List.of(
                x -> upload(comment, "not XML", x.hostile().getBytes(StandardCharsets.UTF_8)),
                x -> upload(comment, "empty file", new byte[0]),
                x -> upload(comment, "cut-off XML", inService.substring(0, 1 + x.between(0, inService.length() - 200))
                        .getBytes(StandardCharsets.UTF_8)),
                x -> upload(comment, "not BPMN", ("<html><body>" + x.hostile() + "</body></html>").getBytes(StandardCharsets.UTF_8)),
                x -> upload(comment, "external entity", ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&e;</bpmn:definitions>")
                        .getBytes(StandardCharsets.UTF_8)),
                x -> upload(comment, "entity bomb", bomb().getBytes(StandardCharsets.UTF_8)),
                x -> upload(comment, "another process id", inService.replaceFirst("id=\"family-journey\"", "id=\"fuzzed-journey\"")
                        .getBytes(StandardCharsets.UTF_8)),
                x -> upload(comment, "invalid UTF-8", withBadBytes(inService.getBytes(StandardCharsets.UTF_8), x)),
                x -> upload(comment, "over the size limit", "A".repeat(2 * 1024 * 1024 + x.between(1, 4096)).getBytes(StandardCharsets.UTF_8)),
                x -> new Body(multipart(comment, null, null), CONTENT_TYPE, "no file part"),
                x -> upload(comment, "the version in service", inService.getBytes(StandardCharsets.UTF_8)));
        return b.pick(flaws).apply(b);
    }

    private static final String BOUNDARY = "fuzz-model-boundary";
    private static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private static Body upload(String comment, String flaw, byte[] file) {
        return new Body(multipart(comment, "family-journey.bpmn", file), CONTENT_TYPE, flaw);
    }

    private static byte[] multipart(String comment, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n" + comment + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (file != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] withBadBytes(byte[] content, BadInputs b) {
        byte[] bad = content.clone();
        int at = b.between(100, bad.length - 2);
        bad[at] = (byte) 0xC0;
        bad[at + 1] = (byte) 0xAF;
        return bad;
    }

    private static String bomb() {
        StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            doctype.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return doctype + "]><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&a9;</bpmn:definitions>";
    }
}
