package org.familyjourney.engine;

/** Where the process engine runs. */
public enum EngineMode {
    /** Zeebe Process Test's engine in this JVM, reached over gRPC like a cluster; no durability. */
    EMBEDDED,
    /** A real Camunda 8 cluster (self-managed or SaaS), configured by camunda.client.* properties. */
    REMOTE
}
