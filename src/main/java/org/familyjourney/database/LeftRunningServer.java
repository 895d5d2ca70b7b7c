package org.familyjourney.database;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded MariaDB server still running on our data directory when the app starts. The server is
 * a child process of the app; an app that ends without its shutdown hooks (killed, or exited on
 * OutOfMemoryError) leaves it running, holding the port and the data, and the next start then
 * failed with "port taken". Such a server, its app gone, is stopped the way a shutdown would
 * (SIGTERM: InnoDB closes cleanly) before ours starts. One whose app is still running belongs to
 * another copy of the app: that is refused with a clear message, never stopped.
 */
final class LeftRunningServer {

    private static final Logger log = LoggerFactory.getLogger(LeftRunningServer.class);
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(60);

    private LeftRunningServer() {
    }

    /** Stops a server left running on {@code dataDir} by an app that has ended; refuses if its app still runs. */
    static void stopIfOrphaned(File dataDir) {
        Optional<ProcessHandle> found = ProcessHandle.allProcesses().filter(process -> servesFrom(process, dataDir)).findFirst();
        if (found.isEmpty()) {
            return;
        }
        ProcessHandle server = found.get();
        Optional<ProcessHandle> app = server.parent().filter(ProcessHandle::isAlive).filter(LeftRunningServer::isJava);
        if (app.isPresent()) {
            throw new IllegalStateException("The embedded MariaDB's data directory " + dataDir.getAbsolutePath()
                    + " is in use by another running copy of the app (process " + app.get().pid()
                    + "). Stop that one, or give this one its own familyjourney.database.data-dir.");
        }
        log.warn("An embedded MariaDB server (process {}) was left running on {} by an app that ended without stopping it; "
                + "stopping it before starting ours", server.pid(), dataDir.getAbsolutePath());
        server.destroy();
        try {
            server.onExit().get(SHUTDOWN_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("The left-running MariaDB server (process {}) did not stop within {} s; killing it", server.pid(),
                    SHUTDOWN_PATIENCE.toSeconds());
            server.destroyForcibly();
            server.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a left-running MariaDB server", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for the left-running MariaDB server to stop", e);
        }
    }

    /** A mariadbd (or mysqld) whose --datadir is {@code dataDir}, however the path was spelled. */
    static boolean servesFrom(ProcessHandle process, File dataDir) {
        Optional<String> command = process.info().command();
        Optional<String[]> arguments = process.info().arguments();
        if (command.isEmpty() || arguments.isEmpty() || !command.get().matches(".*/(mariadbd|mysqld)$")) {
            return false;
        }
        return dataDirOf(List.of(arguments.get())).map(path -> samePlace(path, dataDir)).orElse(false);
    }

    static Optional<String> dataDirOf(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.startsWith("--datadir=")) {
                return Optional.of(argument.substring("--datadir=".length()));
            }
            if (argument.equals("--datadir") && i + 1 < arguments.size()) {
                return Optional.of(arguments.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean samePlace(String path, File dataDir) {
        try {
            return Path.of(path).toRealPath().equals(dataDir.toPath().toRealPath());
        } catch (IOException | RuntimeException e) {
            return false; // gone, or not ours to read
        }
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.matches(".*/java(\\.exe)?$")).orElse(false);
    }
}
