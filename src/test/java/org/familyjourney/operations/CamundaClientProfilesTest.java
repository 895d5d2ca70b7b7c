package org.familyjourney.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.spring.properties.CamundaClientAuthProperties.AuthMethod;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.client.spring.properties.CamundaClientProperties.ClientMode;
import io.camunda.client.spring.properties.CamundaClientPropertiesPostProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.familyjourney.engine.RemoteEngineEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The camunda-saas and camunda-oidc profiles, read as the app reads them at start-up: our YAML, the
 * operator's environment variables, and the Camunda SDK's own defaults for the mode, bound to the
 * SDK's client properties. Nothing connects anywhere.
 */
class CamundaClientProfilesTest {

    @Test
    void saasProfileNeedsOnlyTheClusterAndTheClientAndTheSdkFillsInTheAddresses() {
        CamundaClientProperties client = bind("camunda-saas", Map.of("CAMUNDA_CLUSTER_ID", "0c8f2a1e-example",
                "CAMUNDA_CLUSTER_REGION", "bru-2", "CAMUNDA_CLIENT_ID", "family-journey", "CAMUNDA_CLIENT_SECRET", "s3cret"));
        assertThat(client.getMode()).isEqualTo(ClientMode.saas);
        assertThat(client.getGrpcAddress()).isEqualTo(URI.create("https://0c8f2a1e-example.bru-2.zeebe.camunda.io:443"));
        assertThat(client.getRestAddress()).isEqualTo(URI.create("https://bru-2.zeebe.camunda.io:443/0c8f2a1e-example"));
        assertThat(client.getAuth().getMethod()).isEqualTo(AuthMethod.oidc);
        assertThat(client.getAuth().getTokenUrl()).isEqualTo(URI.create("https://login.cloud.camunda.io/oauth/token"));
        assertThat(client.getAuth().getAudience()).isEqualTo("zeebe.camunda.io");
        assertThat(client.getAuth().getClientId()).isEqualTo("family-journey");
        assertThat(client.getAuth().getClientSecret()).isEqualTo("s3cret");
        assertThat(client.getPreferRestOverGrpc()).isFalse();
    }

    @Test
    void oidcProfileTakesTheIdentityProviderAndTheClusterFromTheEnvironment() {
        CamundaClientProperties client = bind("camunda-oidc", Map.of(
                "CAMUNDA_GRPC_ADDRESS", "https://camunda.example.org:26500", "CAMUNDA_REST_ADDRESS", "https://camunda.example.org",
                "CAMUNDA_OAUTH_TOKEN_URL", "https://login.example.org/realms/camunda/protocol/openid-connect/token",
                "CAMUNDA_CLIENT_ID", "family-journey", "CAMUNDA_CLIENT_SECRET", "s3cret"));
        assertThat(client.getMode()).isEqualTo(ClientMode.selfManaged);
        assertThat(client.getGrpcAddress()).isEqualTo(URI.create("https://camunda.example.org:26500"));
        assertThat(client.getRestAddress()).isEqualTo(URI.create("https://camunda.example.org"));
        assertThat(client.getAuth().getMethod()).isEqualTo(AuthMethod.oidc);
        assertThat(client.getAuth().getTokenUrl())
                .isEqualTo(URI.create("https://login.example.org/realms/camunda/protocol/openid-connect/token"));
        assertThat(client.getAuth().getAudience()).isEqualTo("orchestration-api");
        assertThat(client.getAuth().getClientId()).isEqualTo("family-journey");
        assertThat(client.getAuth().getClientSecret()).isEqualTo("s3cret");
    }

    @Test
    void bothProfilesSwitchTheAppToRemoteMode() {
        for (String profile : new String[] {"camunda-saas", "camunda-oidc"}) {
            assertThat(environment(profile, Map.of()).getProperty("familyjourney.engine.mode")).as(profile).isEqualTo("remote");
        }
    }

    @Test
    void aMissingVariableStopsTheStartNamingIt() {
        StandardEnvironment environment = environment("camunda-saas", Map.of("CAMUNDA_CLUSTER_ID", "c",
                "CAMUNDA_CLUSTER_REGION", "bru-2", "CAMUNDA_CLIENT_ID", "family-journey"));
        assertThatThrownBy(() -> new RemoteEngineEnvironment().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("camunda.client.auth.client-secret").hasMessageContaining("CAMUNDA_CLIENT_SECRET");
    }

    private static CamundaClientProperties bind(String profile, Map<String, String> variables) {
        StandardEnvironment environment = environment(profile, variables);
        new RemoteEngineEnvironment().postProcessEnvironment(environment, new SpringApplication());
        new CamundaClientPropertiesPostProcessor(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bind("camunda.client", CamundaClientProperties.class).get();
    }

    /** application.yml under application-{profile}.yml, under the variables: the order Spring Boot gives them. */
    private static StandardEnvironment environment(String profile, Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // As SpringApplication prepares it: lenient conversion (self-managed -> selfManaged) and
        // environment-variable names bound by Spring Boot's relaxed rules.
        environment.setConversionService(new ApplicationConversionService());
        environment.setActiveProfiles(profile);
        environment.getPropertySources().addFirst(
                new SystemEnvironmentPropertySource("operator-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        load(environment, "application-" + profile + ".yml");
        load(environment, "application.yml");
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static void load(StandardEnvironment environment, String file) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
