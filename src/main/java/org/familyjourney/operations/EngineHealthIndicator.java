package org.familyjourney.operations;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionInfo;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.familyjourney.engine.EngineProperties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The process engine as the app sees it: the cluster's topology through the ordinary Camunda client,
 * with a short timeout. UP only when every partition has a healthy leader, because a partition
 * without one stops the journeys that live on it. Replaces the SDK's own check, which waits for the
 * client's full request timeout.
 */
@Component("engineHealthIndicator")
class EngineHealthIndicator implements HealthIndicator {

    private final CamundaClient client;
    private final EngineProperties engine;
    private final Duration timeout;

    EngineHealthIndicator(CamundaClient client, EngineProperties engine, OperationsProperties operations) {
        this.client = client;
        this.engine = engine;
        this.timeout = operations.engineHealthTimeout();
    }

    @Override
    public Health health() {
        Health.Builder health = new Health.Builder().withDetail("mode", engine.mode().name().toLowerCase(Locale.ROOT));
        Topology topology;
        try {
            topology = client.newTopologyRequest().requestTimeout(timeout).send()
                    .join(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (RuntimeException unreachable) {
            return health.down().withDetail("error", describe(unreachable)).build();
        }
        Set<Integer> led = new TreeSet<>();
        for (BrokerInfo broker : topology.getBrokers()) {
            for (PartitionInfo partition : broker.getPartitions()) {
                if (partition.isLeader() && partition.getHealth() == PartitionBrokerHealth.HEALTHY) {
                    led.add(partition.getPartitionId());
                }
            }
        }
        health.withDetail("gatewayVersion", topology.getGatewayVersion())
                .withDetail("brokers", topology.getBrokers().size())
                .withDetail("partitions", topology.getPartitionsCount())
                .withDetail("partitionsWithHealthyLeader", led.size());
        boolean allLed = !topology.getBrokers().isEmpty() && led.size() >= Math.max(1, topology.getPartitionsCount());
        return (allLed ? health.up() : health.down()).build();
    }

    /** The kind of failure only: enough to act on, nothing from a request. */
    private static String describe(RuntimeException failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ClientStatusException)) {
            cause = cause.getCause();
        }
        return cause instanceof ClientStatusException status ? "gRPC " + status.getStatusCode()
                : cause.getClass().getSimpleName();
    }
}
