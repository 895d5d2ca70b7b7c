package org.familyjourney.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.familyjourney.engine.FreePorts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app as it runs by default - embedded engine, embedded MariaDB, real HTTP - shared by
 * every application test: one Spring context, one database, one engine, one SMTP server (GreenMail)
 * for the journey's emails. Tests make their own families, so they never depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "familyjourney.engine.port=0",
        "familyjourney.engine.clock-control=true",
        "familyjourney.database.port=0",
        "familyjourney.database.data-dir=target/test-mariadb",
        "familyjourney.demo-users=true",
        "familyjourney.jobs.first-retry-pause=PT0.2S",
        "familyjourney.jobs.longest-retry-pause=PT1S",
        // The test database outlives test runs: earlier runs' open journeys are not re-created at every start.
        // Recovery is tested through recycling, which takes the same path (EngineRecyclingApplicationTest).
        "familyjourney.engine.recovery.at-start=false",
        // Tests recycle the shared engine only when they mean to (EngineRecyclingApplicationTest).
        "familyjourney.engine.recycle.cron=-",
        "familyjourney.engine.recycle.max-records=1000000000"
})
@Import(TestApi.class)
public abstract class ApplicationTest {

    protected static final GreenMail MAIL = startMail();

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestApi api;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(FreePorts.any(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }
}
