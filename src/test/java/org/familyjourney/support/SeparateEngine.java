package org.familyjourney.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.familyjourney.engine.FreePorts;

/**
 * The one {@link StandaloneEngine} of a test run, started on first use with the test JVM's own java
 * and class path and shared by every remote-mode test class (it starts in a few seconds; models
 * deployed twice keep their version). It stops when the test JVM ends.
 */
public final class SeparateEngine {

    private static SeparateEngine shared;

    private final Process process;
    private final int port;

    private SeparateEngine(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized SeparateEngine shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public int port() {
        return port;
    }

    public String grpcAddress() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private static SeparateEngine start() {
        int port = FreePorts.any();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Path log = Files.createTempFile("standalone-engine", ".log");
            Process process = new ProcessBuilder(java, "-Xmx512m",
                    "-Dlogback.configurationFile=standalone-engine-logback.xml", "-cp", System.getProperty("java.class.path"),
                    StandaloneEngine.class.getName(), String.valueOf(port))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitReady(process, log.toFile());
            return new SeparateEngine(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the separate engine JVM", e);
        }
    }

    /** Reads the engine's standard output until it says READY; its log goes to a file. */
    private static void awaitReady(Process process, File log) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "standalone-engine-output");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("The separate engine JVM ended before it was ready; see " + log);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
