package org.familyjourney.operations;

import io.camunda.client.annotation.JobWorker;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Job workers that only a test's own app instance has (registered by hand, never scanned): one that
 * holds its job until the test lets it go, one that always fails.
 */
public class TestWorkers {

    public static final String SLOW = "test-slow-job";
    public static final String FAILING = "test-failing-job";

    final CountDownLatch slowStarted = new CountDownLatch(1);
    final CountDownLatch releaseSlow = new CountDownLatch(1);
    final AtomicInteger slowHandled = new AtomicInteger();

    @JobWorker(type = SLOW)
    public void holdUntilReleased() throws InterruptedException {
        slowHandled.incrementAndGet();
        slowStarted.countDown();
        releaseSlow.await(30, TimeUnit.SECONDS);
    }

    @JobWorker(type = FAILING)
    public void alwaysFail() {
        throw new IllegalStateException("The test worker always fails");
    }
}
