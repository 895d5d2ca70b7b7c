package org.familyjourney.engine;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In embedded mode, points the ordinary Camunda client at the in-process engine's gRPC gateway, so
 * the app talks to it exactly as to a remote cluster. The port is settled here, before any bean,
 * so that 0 (any free port) gives the engine and the client the same number.
 */
public class EmbeddedEngineEnvironment implements EnvironmentPostProcessor {

    static final String RESOLVED_PORT = "familyjourney.engine.resolved-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"embedded".equalsIgnoreCase(environment.getProperty("familyjourney.engine.mode", "embedded"))) {
            return;
        }
        int port = environment.getProperty("familyjourney.engine.port", Integer.class, 26500);
        if (port == 0) {
            port = FreePorts.any();
        }
        Map<String, Object> client = new HashMap<>();
        client.put(RESOLVED_PORT, port);
        client.put("camunda.client.mode", "self-managed");
        client.put("camunda.client.auth.method", "none");
        client.put("camunda.client.grpc-address", "http://127.0.0.1:" + port);
        // The embedded engine has no REST API: every command must go over gRPC.
        client.put("camunda.client.prefer-rest-over-grpc", "false");
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedEngine", client));
    }
}
