package org.familyjourney.engine;

import io.camunda.client.CamundaClient;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
@EmbeddedEngineOnly
class EmbeddedEngineConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedEngine embeddedEngine(Environment environment, JdbcTemplate jdbc) {
        return new EmbeddedEngine(environment.getRequiredProperty(EmbeddedEngineEnvironment.RESOLVED_PORT, Integer.class),
                new EngineClockOffset(jdbc));
    }

    @Bean
    static BeanFactoryPostProcessor clientStartsAfterEmbeddedEngine() {
        return new StartsBefore("embeddedEngine", CamundaClient.class);
    }
}
