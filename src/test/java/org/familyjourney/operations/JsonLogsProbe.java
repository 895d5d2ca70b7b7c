package org.familyjourney.operations;

import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * Started in a JVM of its own by {@link JsonLoggingTest}: Spring Boot with the app's configuration
 * and the json-logs profile, no beans of the app, one line logged. Logging is JVM-wide, so it cannot
 * be switched to JSON inside the test JVM without changing every other test's logs.
 */
public final class JsonLogsProbe {

    private JsonLogsProbe() {
    }

    public static void main(String[] args) {
        SpringApplication probe = new SpringApplication(JsonLogsProbe.class);
        probe.setWebApplicationType(WebApplicationType.NONE);
        probe.setAdditionalProfiles("json-logs");
        try (var context = probe.run(args)) {
            LoggerFactory.getLogger(JsonLogsProbe.class).info("Structured logging probe: case {} opened", "FJ-2026-000001");
        }
    }
}
