package org.familyjourney.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.spring.properties.CamundaClientAuthProperties.AuthMethod;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.client.spring.properties.CamundaClientProperties.ClientMode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Docker Compose reads it (no Docker on the build machines): the services
 * and their versions, what is published, health checks, volumes, start order, and the app in
 * remote mode with its settings bound the way Spring Boot binds environment variables.
 */
class DockerComposeTest {

    /** ${NAME:?message} (required), ${NAME:-default} or ${NAME}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([?-])([^}]*))?}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN).*");

    private final Map<String, Object> compose = load(Path.of("docker-compose.yml"));

    @Test
    void runsMysqlACamundaClusterWithItsSecondaryStorageAndTheApp() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("mysql", "elasticsearch", "orchestration", "app");
        assertThat(image("mysql")).matches("mysql:8\\.4(\\.\\d+)?");
        assertThat(image("orchestration")).matches("camunda/camunda:8\\.8\\.\\d+");
        assertThat(image("elasticsearch")).matches("elasticsearch:8\\.\\d+\\.\\d+");
        assertThat(map(service("app"), "build")).containsEntry("context", ".").containsEntry("dockerfile", "Dockerfile");
        assertThat(env("orchestration")).containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "elasticsearch")
                .containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL", "http://elasticsearch:9200");
    }

    @Test
    void namesImagesWithoutARegistryAddress() {
        for (String name : services().keySet()) {
            Object image = service(name).get("image");
            if (image != null) {
                String first = image.toString().split("/")[0];
                assertThat(image.toString().contains("/") && (first.contains(".") || first.contains(":")))
                        .as(name + " image " + image + " names a registry host").isFalse();
            }
        }
    }

    @Test
    void publishesOnlyTheAppAndTheClusterWebAppsOnThisMachine() {
        assertThat(list(service("app"), "ports")).containsExactly("8080:8080");
        assertThat(list(service("orchestration"), "ports")).containsExactly("127.0.0.1:8088:8080");
        assertThat(service("mysql")).doesNotContainKey("ports");
        assertThat(service("elasticsearch")).doesNotContainKey("ports");
    }

    @Test
    void everyServiceHasAHealthCheckAndStartsAfterWhatItNeedsIsHealthy() {
        for (String name : services().keySet()) {
            assertThat(list(map(service(name), "healthcheck"), "test")).as(name + " health check").isNotEmpty();
        }
        assertThat(String.join(" ", list(map(service("app"), "healthcheck"), "test"))).contains("/actuator/health/readiness");
        assertThat(String.join(" ", list(map(service("orchestration"), "healthcheck"), "test"))).contains("/actuator/health/readiness");
        assertThat(dependsOn("orchestration")).containsExactly(Map.entry("elasticsearch", "service_healthy"));
        assertThat(dependsOn("app")).containsOnly(Map.entry("mysql", "service_healthy"), Map.entry("orchestration", "service_healthy"));
    }

    @Test
    void keepsEveryServicesDataInANamedVolume() {
        assertThat(list(service("mysql"), "volumes")).contains("mysql-data:/var/lib/mysql",
                "./deploy/mysql/initdb:/docker-entrypoint-initdb.d:ro");
        assertThat(list(service("elasticsearch"), "volumes")).contains("elastic-data:/usr/share/elasticsearch/data");
        assertThat(list(service("orchestration"), "volumes")).contains("orchestration-data:/usr/local/camunda/data");
        assertThat(map(compose, "volumes").keySet()).containsExactlyInAnyOrder("mysql-data", "elastic-data", "orchestration-data");
        assertThat(Files.isExecutable(Path.of("deploy/mysql/initdb/10-family-journey-users.sh"))).isTrue();
    }

    @Test
    void takesEverySecretFromTheEnvironmentNeverFromTheFile() {
        for (String name : services().keySet()) {
            env(name).forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches()) {
                    Matcher variable = VARIABLE.matcher(value);
                    assertThat(variable.matches()).as(name + "." + key + " must be only ${VARIABLE:?...}, not " + value).isTrue();
                    assertThat(variable.group(2)).as(name + "." + key + " must be required (:?)").isEqualTo("?");
                }
            });
            // A health check reads a password from the container's environment ($$), never the file.
            String check = String.join(" ", list(map(service(name), "healthcheck"), "test"));
            assertThat(check).doesNotContainPattern("-p[^ $]").doesNotContainPattern(":[A-Za-z0-9]{6,}@");
        }
    }

    @Test
    void runsTheAppInRemoteModeAgainstTheCluster() {
        Map<String, String> app = resolved(env("app"));
        assertThat(app).containsEntry("FAMILYJOURNEY_ENGINE_MODE", "remote");
        StandardEnvironment environment = environmentOf(app);
        CamundaClientProperties client = Binder.get(environment).bind("camunda.client", CamundaClientProperties.class).get();
        assertThat(client.getMode()).isEqualTo(ClientMode.selfManaged);
        assertThat(client.getGrpcAddress()).isEqualTo(URI.create("http://orchestration:26500"));
        assertThat(client.getRestAddress()).isEqualTo(URI.create("http://orchestration:8080"));
        assertThat(client.getPreferRestOverGrpc()).isFalse();
        assertThat(client.getAuth().getMethod()).isEqualTo(AuthMethod.basic);
        assertThat(client.getAuth().getUsername()).isEqualTo("familyjourney");
        assertThat(client.getAuth().getPassword()).isEqualTo("value-of-CAMUNDA_CLIENT_PASSWORD");
        // The cluster knows the user the app signs in with, and gives it a role.
        Map<String, String> cluster = resolved(env("orchestration"));
        assertThat(cluster).containsEntry("CAMUNDA_SECURITY_INITIALIZATION_USERS_1_USERNAME", "familyjourney")
                .containsEntry("CAMUNDA_SECURITY_INITIALIZATION_USERS_1_PASSWORD", "value-of-CAMUNDA_CLIENT_PASSWORD")
                .containsEntry("CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI", "false");
    }

    @Test
    void connectsTheAppToMysqlAsItsOwnUserAndMigratesAsTheSchemaOwner() {
        Map<String, String> app = resolved(env("app"));
        StandardEnvironment environment = environmentOf(app);
        assertThat(environment.getProperty("familyjourney.database.mode")).isEqualTo("external");
        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:mysql://mysql:3306/familyjourney?");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("fj_app");
        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("fj_owner");
        assertThat(environment.getProperty("spring.flyway.password")).isEqualTo("value-of-FJ_DB_OWNER_PASSWORD");
        // The switch that makes AppUserPrivileges grant the app user its per-table privileges.
        assertThat(environment.getProperty("familyjourney.database.restrict-app-user", Boolean.class)).isTrue();
        // MySQL's first start creates the same two users the app is given.
        Map<String, String> mysql = resolved(env("mysql"));
        assertThat(mysql).containsEntry("MYSQL_DATABASE", "familyjourney").containsEntry("FJ_DB_OWNER_USER", "fj_owner")
                .containsEntry("FJ_DB_APP_USER", "fj_app").containsEntry("FJ_DB_APP_PASSWORD", app.get("SPRING_DATASOURCE_PASSWORD"));
    }

    @Test
    void buildsWithMavenJdk21AndNodeAndRunsAsAnUnprivilegedUser() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("FROM maven:3.9-eclipse-temurin-21 AS build", "nodejs npm",
                "FROM eclipse-temurin:21-jre", "USER familyjourney", "ENTRYPOINT [\"java\"");
        // The build context must never carry the embedded database's data (families' records) into an image.
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains("data/", "target/", ".git/");
    }

    // --- reading the file

    private static Map<String, Object> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    private Map<String, Object> services() {
        return map(compose, "services");
    }

    private Map<String, Object> service(String name) {
        return map(services(), name);
    }

    private String image(String name) {
        return String.valueOf(service(name).get("image"));
    }

    private Map<String, String> env(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        map(service(name), "environment").forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    private Map<String, String> dependsOn(String name) {
        Map<String, String> conditions = new HashMap<>();
        map(service(name), "depends_on").forEach((service, spec) ->
                conditions.put(service, String.valueOf(((Map<?, ?>) spec).get("condition"))));
        return conditions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    /** As Compose would pass them: required variables get a stand-in value, defaults apply. */
    private static Map<String, String> resolved(Map<String, String> env) {
        Map<String, String> resolved = new LinkedHashMap<>();
        env.forEach((key, value) -> {
            Matcher variable = VARIABLE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (variable.find()) {
                String replacement = "-".equals(variable.group(2)) ? variable.group(3) : "value-of-" + variable.group(1);
                variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            variable.appendTail(out);
            resolved.put(key, out.toString());
        });
        return resolved;
    }

    /** The app's environment variables in a Spring environment, bound with Spring Boot's relaxed rules. */
    private static StandardEnvironment environmentOf(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setConversionService(new ApplicationConversionService());
        // Named like the real one, so Spring Boot maps CAMUNDA_CLIENT_GRPCADDRESS to camunda.client.grpc-address.
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
