package org.familyjourney.recovery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import org.familyjourney.engine.FreePorts;
import org.familyjourney.support.EmbeddedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests that stop the app and start it again on the same database, as an operator restarting the
 * service: each start is a whole app of its own, on one database and one mail server they share.
 */
abstract class RestartedAppTest {

    static final GreenMail MAIL = new GreenMail(new ServerSetup(FreePorts.any(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    /** Kept across test runs like the shared test database, so MariaDB is unpacked once; each run makes its own family. */
    private static final Path DATA = Path.of("target", "restart-mariadb");

    @BeforeAll
    static void mail() {
        MAIL.start();
    }

    @AfterAll
    static void noMail() {
        MAIL.stop();
    }

    /** The app started (again) on the kept database. */
    static EmbeddedApp startApp() {
        return EmbeddedApp.start(DATA, MAIL.getSmtp().getPort());
    }
}
