package org.familyjourney.support;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;

/**
 * A Zeebe engine in a JVM of its own, for the tests that run the app in remote mode: the app reaches
 * it only over gRPC, as it would a cluster, with nothing shared in memory. Prints READY once the
 * gateway listens; runs until killed, or until its standard input closes (the test JVM died).
 */
public final class StandaloneEngine {

    private StandaloneEngine() {
    }

    public static void main(String[] args) throws IOException {
        ZeebeTestEngine engine = EngineFactory.create(Integer.parseInt(args[0]));
        engine.start();
        System.out.println("READY " + engine.getGatewayAddress());
        System.out.flush();
        while (System.in.read() != -1) {
            // Nothing to read: this only waits for the parent to go away.
        }
        engine.stop();
        System.exit(0);
    }
}
