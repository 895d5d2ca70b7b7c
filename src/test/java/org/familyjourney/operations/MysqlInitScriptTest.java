package org.familyjourney.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * deploy/mysql/initdb, the script MySQL's image runs on its first start, run for real against the
 * test database server (MariaDB's client standing in for mysql) on a schema of its own: the owner
 * can build tables and pass privileges on, the app user can do nothing until it is granted, and a
 * password with quotes and backslashes survives.
 */
class MysqlInitScriptTest extends ApplicationTest {

    private static final Path SCRIPT = Path.of("deploy/mysql/initdb/10-family-journey-users.sh");
    private static final Path CLIENT = Path.of("target/test-mariadb/server/bin/mariadb").toAbsolutePath();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsAnOwnerWhoMayGrantAndAnAppUserWithNothingYet() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String schema = "fj_initdb_" + suffix;
        String owner = "fj_init_owner_" + suffix;
        String app = "fj_init_app_" + suffix;
        String ownerPassword = "o'wn\\er \"pass\" $HOME";
        String appPassword = "a'pp\\pass";
        String socket = jdbc.queryForObject("SELECT @@socket", String.class);
        try {
            run(Map.of("MYSQL_DATABASE", schema, "FJ_DB_OWNER_USER", owner, "FJ_DB_OWNER_PASSWORD", ownerPassword,
                    "FJ_DB_APP_USER", app, "FJ_DB_APP_PASSWORD", appPassword), socket, "bash", SCRIPT.toString());

            try (Connection asOwner = connect(schema, owner, ownerPassword); Statement sql = asOwner.createStatement()) {
                sql.execute("CREATE TABLE journey_entry (id INT PRIMARY KEY)");
                sql.execute("INSERT INTO journey_entry VALUES (1)");
                // What AppUserPrivileges does after each migration: possible only WITH GRANT OPTION.
                sql.execute("GRANT SELECT, INSERT ON `" + schema + "`.`journey_entry` TO '" + app + "'@'%'");
            }
            try (Connection asApp = connect(schema, app, appPassword); Statement sql = asApp.createStatement()) {
                sql.execute("INSERT INTO journey_entry VALUES (2)");
                assertThat(sql.executeQuery("SELECT COUNT(*) FROM journey_entry").next()).isTrue();
                assertThatThrownBy(() -> sql.execute("DELETE FROM journey_entry")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> sql.execute("CREATE TABLE other (id INT)")).isInstanceOf(SQLException.class);
            }
        } finally {
            Path drop = Files.createTempFile("drop", ".sql");
            Files.writeString(drop, "DROP DATABASE IF EXISTS `" + schema + "`; DROP USER IF EXISTS '" + owner + "'@'%'; "
                    + "DROP USER IF EXISTS '" + app + "'@'%';");
            run(Map.of(), socket, "bash", "-c", "mysql --protocol=socket -uroot < " + drop);
        }
    }

    private Connection connect(String schema, String user, String password) throws SQLException {
        String url = jdbc.queryForObject("SELECT CONCAT('jdbc:mysql://127.0.0.1:', @@port, '/')", String.class);
        return DriverManager.getConnection(url + schema + "?useSSL=false&allowPublicKeyRetrieval=true", user, password);
    }

    /** Runs a command with `mysql` on the PATH as the test server's client, talking to it over its socket. */
    private static void run(Map<String, String> env, String socket, String... command) throws IOException, InterruptedException {
        Path bin = Files.createTempDirectory("mysql-client");
        Files.createSymbolicLink(bin.resolve("mysql"), CLIENT);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("MYSQL_UNIX_PORT", socket);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
