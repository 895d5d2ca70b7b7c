package org.familyjourney.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a bean or configuration that exists only with the embedded engine: starting it, moving its
 * clock, and any recovery or recycling of it (re-creating journeys in a fresh engine, restarting
 * it to free memory). Against a remote cluster these must never run: the cluster is durable and
 * shared by every instance of the app, and its clock and its state are not ours to change. Code
 * that cannot be a separate bean asks {@link EngineProperties#embedded()} instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "familyjourney.engine.mode", havingValue = "embedded", matchIfMissing = true)
public @interface EmbeddedEngineOnly {
}
