package org.familyjourney.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * In remote mode, every camunda.client.* setting must resolve before the app starts. A profile such
 * as camunda-saas writes them as ${CAMUNDA_CLIENT_SECRET}; Spring's binding would quietly keep an
 * unset variable as that literal text, and the first sign would be a refused token hours later.
 * Here the start stops at once, naming the variable to set.
 */
public class RemoteEngineEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"remote".equalsIgnoreCase(environment.getProperty("familyjourney.engine.mode", "embedded"))) {
            return;
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("camunda.client.")) {
                        resolve(environment, name);
                    }
                }
            }
        }
    }

    private static void resolve(ConfigurableEnvironment environment, String name) {
        try {
            environment.getProperty(name);
        } catch (IllegalArgumentException unresolved) {
            throw new IllegalStateException("familyjourney.engine.mode is remote, but " + name + " cannot be set: "
                    + unresolved.getMessage() + ". Set that environment variable (see README, Running in production).", unresolved);
        }
    }
}
