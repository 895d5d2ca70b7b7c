package org.familyjourney.engine;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(ObjectProvider<EmbeddedEngine> embeddedEngine) {
        EmbeddedEngine engine = embeddedEngine.getIfAvailable();
        return engine == null ? new EngineClock(() -> Duration.ZERO) : new EngineClock(engine::clockOffset);
    }
}
