package org.familyjourney.models;

import java.time.Instant;

/** One logical version of a model: the n-th distinct content put into service, by whom, when and why. */
public record ModelVersion(long id, ModelKind kind, String modelId, int version, String sha256, String resourceName,
                           String deployedBy, String comment, Instant deployedAt) {

    public static final String SYSTEM = "system";
    public static final String PACKAGED = "packaged with the app";
}
