package org.familyjourney.database;

import java.io.File;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.familyjourney.engine.StartsBefore;

/** Starts the embedded MariaDB before anything opens a connection. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "familyjourney.database.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedDatabase embeddedDatabase(Environment environment) {
        int port = environment.getRequiredProperty(EmbeddedDatabaseEnvironment.RESOLVED_PORT, Integer.class);
        File dir = new File(environment.getProperty("familyjourney.database.data-dir", "./data/mariadb"));
        String schema = environment.getProperty("familyjourney.database.schema", "familyjourney");
        // The server's default InnoDB buffer pool is 128 MB; a service holding 100,000 cases wants its
        // working set in memory (e.g. 512M), as any MySQL it runs on in production would be sized.
        String bufferPool = environment.getProperty("familyjourney.database.buffer-pool-size");
        // MariaDB's 96 MB redo log makes bulk loads (an import, the benchmark's seeding) stall on checkpoints.
        String redoLog = environment.getProperty("familyjourney.database.redo-log-size");
        return new EmbeddedDatabase(port, dir, schema, bufferPool, redoLog,
                new EmbeddedDatabase.Credentials(environment.getRequiredProperty("spring.flyway.user"),
                        environment.getRequiredProperty("spring.flyway.password")),
                new EmbeddedDatabase.Credentials(environment.getRequiredProperty("spring.datasource.username"),
                        environment.getRequiredProperty("spring.datasource.password")));
    }

    @Bean
    static BeanFactoryPostProcessor dataSourceStartsAfterEmbeddedDatabase() {
        return new StartsBefore("embeddedDatabase", DataSource.class);
    }
}
