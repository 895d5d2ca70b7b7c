package org.familyjourney.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.familyjourney.FamilyJourneyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * One instance of the app in remote mode, built by hand in a test: the whole app against the
 * {@link SeparateEngine} over gRPC (no embedded engine) and, as an external database, the MariaDB of
 * the shared {@link ApplicationTest} context, with the production split of users: Flyway as the
 * schema owner, the app as the restricted app user. Several can run at once, like instances behind
 * a load balancer. The test that starts one closes it.
 */
public final class RemoteApp implements AutoCloseable {

    private static final String SCREEN_REFERRAL = "screen-referral";

    private static boolean remoteGenerationCleared;
    private static JobWorker screeningStandIn;

    private final ConfigurableApplicationContext context;
    private final TestApi api;

    private RemoteApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new TestApi(context.getEnvironment());
    }

    /**
     * @param main     the environment of the shared test context, for its database and users
     * @param settings extra properties, over the remote-mode defaults
     * @param beans    extra beans for this instance only (test workers), or null
     */
    public static RemoteApp start(Environment main, Map<String, Object> settings, Consumer<GenericApplicationContext> beans) {
        SeparateEngine engine = SeparateEngine.shared();
        clearRemoteGenerationOnce(main);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        properties.put("familyjourney.engine.mode", "remote");
        properties.put("familyjourney.engine.clock-control", true);
        properties.put("camunda.client.mode", "self-managed");
        properties.put("camunda.client.auth.method", "none");
        properties.put("camunda.client.grpc-address", engine.grpcAddress());
        properties.put("camunda.client.prefer-rest-over-grpc", false);
        properties.put("familyjourney.database.mode", "external");
        properties.put("familyjourney.database.restrict-app-user", true);
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.flyway.user", "spring.flyway.password", "spring.mail.host", "spring.mail.port")) {
            properties.put(key, main.getRequiredProperty(key));
        }
        properties.put("familyjourney.demo-users", true);
        properties.put("familyjourney.jobs.first-retry-pause", "PT0.2S");
        properties.put("familyjourney.jobs.longest-retry-pause", "PT1S");
        properties.put("familyjourney.operations.metrics-refresh", "PT0S");
        properties.putAll(settings);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(FamilyJourneyApplication.class).registerShutdownHook(false);
        if (beans != null) {
            builder.initializers(context -> beans.accept((GenericApplicationContext) context));
        }
        RemoteApp app = new RemoteApp(builder.run(args.toArray(String[]::new)));
        standInForScreeningIfMissing(app, engine);
        return app;
    }

    /**
     * This branch's models screen every referral (job type screen-referral) but its code has no
     * worker for that yet; the screening worker comes with the safeguarding work on main. Until the
     * app serves the type itself, a worker of the test completes screening with no concern found,
     * as the process tests do. It switches itself off as soon as the app has a screening worker.
     */
    private static synchronized void standInForScreeningIfMissing(RemoteApp app, SeparateEngine engine) {
        if (screeningStandIn != null || app.bean(org.familyjourney.operations.JobWorkers.class).types().containsKey(SCREEN_REFERRAL)) {
            return;
        }
        CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(URI.create(engine.grpcAddress()))
                .preferRestOverGrpc(false).build();
        screeningStandIn = client.newWorker().jobType(SCREEN_REFERRAL)
                .handler((jobs, job) -> jobs.newCompleteCommand(job).variables(Map.of("safeguardingIndicated", false)).send().join())
                .name("test-screening-stand-in").open();
        Runtime.getRuntime().addShutdownHook(new Thread(client::close));
    }

    /**
     * The separate engine is new in every test run and hands out the keys of the last run again,
     * while the test database keeps what the last run stored under generation 0. A real cluster
     * never reuses a key; here the rows of the previous engine are cleared before the first instance
     * starts, as the schema owner (the app's own user may not delete).
     */
    private static synchronized void clearRemoteGenerationOnce(Environment main) {
        if (remoteGenerationCleared) {
            return;
        }
        try (Connection owner = DriverManager.getConnection(main.getRequiredProperty("spring.datasource.url"),
                main.getRequiredProperty("spring.flyway.user"), main.getRequiredProperty("spring.flyway.password"));
             Statement sql = owner.createStatement()) {
            for (String table : List.of("user_task", "escalation", "notification", "handled_job", "process_version", "job_incident")) {
                sql.executeUpdate("DELETE FROM " + table + " WHERE engine_generation = 0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear the remote generation of the test database", e);
        }
        remoteGenerationCleared = true;
    }

    public TestApi api() {
        return api;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }
}
