package org.familyjourney.database;

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
        settings.put("spring.datasource.username", "root");
        settings.put("spring.datasource.password", "");
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedDatabase", settings));
    }
}
