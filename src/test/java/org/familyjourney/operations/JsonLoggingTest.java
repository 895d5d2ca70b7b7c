package org.familyjourney.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The json-logs profile turns the console into one ECS JSON object per line, start-up included. */
class JsonLoggingTest {

    @Test
    void everyConsoleLineIsAnEcsJsonObject() throws Exception {
        List<String> lines = runProbe();
        assertThat(lines).hasSizeGreaterThan(1);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.has("@timestamp") && entry.path("log").has("level") && entry.has("message")).as(line).isTrue();
            entries.add(entry);
        }
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.path("message").asText()).isEqualTo("Structured logging probe: case FJ-2026-000001 opened");
            assertThat(entry.path("log").path("level").asText()).isEqualTo("INFO");
            assertThat(entry.path("service").path("name").asText()).isEqualTo("family-journey");
        });
    }

    private static List<String> runProbe() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), JsonLogsProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(out).isZero();
        return out.lines().filter(line -> !line.isBlank()).toList();
    }
}
