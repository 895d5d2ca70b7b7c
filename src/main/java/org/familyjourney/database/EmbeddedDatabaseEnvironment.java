package org.familyjourney.database;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.familyjourney.engine.FreePorts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the embedded default, points Spring's datasource at the MariaDB that {@link EmbeddedDatabase}
 * starts. It runs before any bean exists, so the port (0 = any free port) is settled here once and
 * both the server and the JDBC URL see the same number.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    static final String RESOLVED_PORT = "familyjourney.database.resolved-port";
    static final String APP_USER = "fj_app";
    static final String OWNER = "fj_owner";

    /** A fresh password each start: nothing outside this process needs the app user's. */
    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"embedded".equalsIgnoreCase(environment.getProperty("familyjourney.database.mode", "embedded"))) {
            return;
        }
        int port = environment.getProperty("familyjourney.database.port", Integer.class, 3307);
        if (port == 0) {
            port = FreePorts.any();
        }
        String schema = environment.getProperty("familyjourney.database.schema", "familyjourney");
        Map<String, Object> settings = new HashMap<>();
        settings.put(RESOLVED_PORT, port);
        settings.put("spring.datasource.url", "jdbc:mysql://127.0.0.1:" + port + "/" + schema
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
        // Flyway owns the schema; the app itself connects as a user that may only append to the logs.
        settings.put("spring.flyway.user", OWNER);
        settings.put("spring.flyway.password", newPassword());
        settings.put("spring.datasource.username", APP_USER);
        settings.put("spring.datasource.password", newPassword());
        settings.put("familyjourney.database.restrict-app-user", "true");
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedDatabase", settings));
    }
}
