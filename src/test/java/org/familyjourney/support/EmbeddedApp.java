package org.familyjourney.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyjourney.FamilyJourneyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the app exactly as it runs by default (embedded engine, embedded MariaDB), started
 * by hand on a database directory of its own, so a test can stop it and start it again on the same
 * data, as an operator restarting the service would. The test that starts one closes it.
 */
public final class EmbeddedApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final TestApi api;

    private EmbeddedApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new TestApi(context.getEnvironment());
    }

    public static EmbeddedApp start(Path dataDir, int smtpPort) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        properties.put("familyjourney.engine.port", 0);
        properties.put("familyjourney.engine.clock-control", true);
        properties.put("familyjourney.database.port", 0);
        properties.put("familyjourney.database.data-dir", dataDir.toString());
        properties.put("familyjourney.demo-users", true);
        properties.put("familyjourney.jobs.first-retry-pause", "PT0.2S");
        properties.put("familyjourney.jobs.longest-retry-pause", "PT1S");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new EmbeddedApp(new SpringApplicationBuilder(FamilyJourneyApplication.class).registerShutdownHook(false)
                .run(args.toArray(String[]::new)));
    }

    public TestApi api() {
        return api;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
