package org.familyjourney.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.familyjourney.database.EmbeddedDatabase.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An embedded MariaDB server left running by an app that ended without its shutdown hooks is
 * stopped cleanly at the next start, which then starts its own on the same data; one whose app
 * still runs is never touched, and the second copy is told why it cannot start. Real servers, from
 * the binaries the app uses.
 */
class LeftRunningServerTest {

    private static final File DIR = new File("target/left-running-mariadb");
    private static final Credentials OWNER = new Credentials("fj_owner", "owner-secret-for-tests");
    private static final Credentials APP = new Credentials("fj_app", "app-secret-for-tests");

    @BeforeAll
    static void installOnce() throws Exception {
        // Unpacks the server and installs an empty data directory, as a first start of the app does.
        start(freePort()).stop();
    }

    @AfterAll
    static void noServerLeft() {
        ProcessHandle.allProcesses().filter(p -> LeftRunningServer.servesFrom(p, data())).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aServerWhoseAppEndedIsStoppedAndOursStartsOnTheSameData() throws Exception {
        int port = freePort();
        ProcessHandle orphan = orphanedServer(port);

        EmbeddedDatabase ours = start(port);
        try {
            assertThat(orphan.isAlive()).as("the left-running server was stopped").isFalse();
            assertThat(servers()).as("one server, ours").singleElement()
                    .satisfies(server -> assertThat(server.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid()));
            assertThat(accepts(port)).isTrue();
        } finally {
            ours.stop();
        }
    }

    @Test
    void aServerWhoseAppStillRunsIsLeftAloneAndTheSecondStartIsToldWhy() throws Exception {
        EmbeddedDatabase running = start(freePort());
        try {
            long pid = servers().getFirst().pid();

            assertThatThrownBy(() -> start(freePort())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running copy of the app (process " + ProcessHandle.current().pid() + ")");
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            running.stop();
        }
    }

    @Test
    void theDataDirectoryIsReadFromEitherSpelling() {
        assertThat(LeftRunningServer.dataDirOf(List.of("--no-defaults", "--datadir=/srv/fj/data", "--port=3307"))).contains("/srv/fj/data");
        assertThat(LeftRunningServer.dataDirOf(List.of("--datadir", "/srv/fj/data"))).contains("/srv/fj/data");
        assertThat(LeftRunningServer.dataDirOf(List.of("--port=3307"))).isEmpty();
    }

    /** The server started from a shell that exits at once, so its parent is no app: as after a hard exit. */
    private static ProcessHandle orphanedServer(int port) throws Exception {
        File server = new File(DIR, "server").getAbsoluteFile();
        String command = "'%s/bin/mariadbd' --no-defaults --basedir='%s' --datadir='%s' --tmpdir='%s' --port=%d --socket='/tmp/left-running-%d.sock'%s > /dev/null 2>&1 &"
                .formatted(server, server, data().getAbsolutePath(), new File(DIR, "tmp").getAbsolutePath(), port, port,
                        "root".equals(System.getProperty("user.name")) ? " --user=root" : "");
        Process shell = new ProcessBuilder("setsid", "sh", "-c", command).inheritIO().start();
        assertThat(shell.waitFor()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepts(port));
        List<ProcessHandle> found = servers();
        assertThat(found).hasSize(1);
        assertThat(found.getFirst().parent().map(ProcessHandle::pid)).isNotEqualTo(Optional.of(ProcessHandle.current().pid()));
        return found.getFirst();
    }

    private static EmbeddedDatabase start(int port) {
        return new EmbeddedDatabase(port, DIR, "familyjourney", "64M", null, OWNER, APP);
    }

    private static List<ProcessHandle> servers() {
        return ProcessHandle.allProcesses().filter(p -> LeftRunningServer.servesFrom(p, data())).toList();
    }

    private static File data() {
        return new File(DIR, "data");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
