package org.familyjourney.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.spring.annotation.processor.JobWorkerAnnotationProcessor;
import java.time.Clock;
import org.familyjourney.engine.EmbeddedEngine;
import org.familyjourney.engine.EmbeddedEngineOnly;
import org.familyjourney.engine.EngineGeneration;
import org.familyjourney.engine.ModelDeployer;
import org.familyjourney.journey.JourneyLog;
import org.familyjourney.operations.JobDrain;
import org.familyjourney.operations.JobWorkers;
import org.familyjourney.processes.ProcessCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recovery and recycling of the embedded engine; a remote cluster is durable and needs none of it.
 * Start-up recovery runs once every bean is made (so the models are deployed) and before the
 * lifecycle starts, which is when the SDK opens the job workers: no job of a step about to be
 * replaced can run. The tailer writes its last positions after the job drain at shutdown.
 */
@Configuration(proxyBeanMethods = false)
@EmbeddedEngineOnly
class RecoveryConfiguration {

    @Bean
    RecordTailer recordTailer(EmbeddedEngine engine, EngineGeneration generation, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        return new RecordTailer(engine, generation, jdbc, json, clock);
    }

    @Bean
    Recovery recovery(CamundaClient client, EmbeddedEngine engine, EngineGeneration generation, RecordTailer tailer,
                      ProcessCatalog processes, JourneyLog journey, JdbcTemplate jdbc, TransactionTemplate transaction,
                      ObjectMapper json, Clock clock, ModelDeployer deployedFirst) {
        return new Recovery(client, engine, generation, tailer, processes, journey, jdbc, transaction, json, clock);
    }

    @Bean
    EngineRecycler engineRecycler(EmbeddedEngine engine, EngineGeneration generation, RecordTailer tailer, Recovery recovery,
                                  ModelDeployer models, CamundaClient client, ObjectProvider<JobWorkerAnnotationProcessor> workers,
                                  JobWorkers workerState, JobDrain drain, Clock clock, JdbcTemplate jdbc, EngineGate gate) {
        return new EngineRecycler(engine, generation, tailer, recovery, models, client, workers, workerState, drain, clock, jdbc, gate);
    }

    @Bean
    EngineGate engineGate() {
        return new EngineGate();
    }

    @Bean
    SmartInitializingSingleton recoverAtStart(RecordTailer tailer, Recovery recovery, RecoveryProperties properties) {
        return () -> {
            tailer.start(properties.poll().toMillis());
            if (properties.atStart()) {
                recovery.recoverEarlierRuns("START");
            }
        };
    }

    @Bean
    RecyclingTriggers recyclingTriggers(EngineRecycler recycler, RecordTailer tailer, RecyclingProperties properties) {
        return new RecyclingTriggers(recycler, tailer, properties, new HeapAfterCollection());
    }

    /** Stops the tailer (one last read and write) in the phase after the job drain. */
    @Bean
    SmartLifecycle recordTailerLifecycle(RecordTailer tailer) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                tailer.stop();
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return SmartLifecycle.DEFAULT_PHASE - 2;
            }
        };
    }
}
