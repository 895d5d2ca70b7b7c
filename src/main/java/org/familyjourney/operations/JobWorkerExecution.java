package org.familyjourney.operations;

import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The threads that run our job handlers, owned by the app rather than by the Camunda client. The
 * client, when it closes, interrupts its own executor at once (shutdownNow); owning it lets
 * {@link JobDrain} let the jobs in hand finish first.
 */
@Configuration(proxyBeanMethods = false)
class JobWorkerExecution {

    @Bean(destroyMethod = "")
    CamundaClientExecutorService camundaClientExecutorService(
            @Value("${camunda.client.execution-threads:1}") int threads, MeterRegistry meters) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory named = runnable -> {
            Thread thread = new Thread(runnable, "job-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(Math.max(1, threads), named);
        // The same meters the SDK's own executor has, so dashboards keep working.
        new ExecutorServiceMetrics(pool, "camundaClientExecutor", List.of(Tag.of("name", "zeebe_client_thread_pool")))
                .bindTo(meters);
        return new CamundaClientExecutorService(pool, false);
    }
}
