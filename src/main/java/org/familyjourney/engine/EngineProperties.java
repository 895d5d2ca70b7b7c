package org.familyjourney.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mode         embedded (default) or remote
 * @param port         gRPC port of the embedded engine; 0 picks any free port
 * @param clockControl whether an admin may move the embedded engine's clock over the API
 */
@ConfigurationProperties("familyjourney.engine")
public record EngineProperties(EngineMode mode, Integer port, boolean clockControl) {

    public EngineProperties {
        mode = mode == null ? EngineMode.EMBEDDED : mode;
        port = port == null ? 26500 : port;
    }

    public boolean embedded() {
        return mode == EngineMode.EMBEDDED;
    }
}
