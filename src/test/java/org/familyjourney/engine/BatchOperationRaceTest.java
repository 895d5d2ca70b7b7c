package org.familyjourney.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ConcurrentModificationException;
import org.junit.jupiter.api.Test;

/** Only the engine's known batch-operation race is kept out of the ERROR log; every other engine error stays. */
class BatchOperationRaceTest {

    private final LoggerContext context = new LoggerContext();
    private final ch.qos.logback.classic.Logger actor = context.getLogger("io.camunda.zeebe.util.actor");
    private final BatchOperationRace filter = new BatchOperationRace();
    private static final String FORMAT = "Uncaught exception in '{}' in phase '{}'. Continuing with next job.";

    @Test
    void theRaceIsCountedNotLogged() {
        RuntimeException race = new RuntimeException("Unexpected error occurred during zeebe db transaction operation.",
                new ConcurrentModificationException());

        assertThat(filter.decide(null, actor, Level.ERROR, FORMAT, new Object[] {"BatchOperationActor-1", "STARTED", race}, null))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, actor, Level.ERROR, FORMAT, new Object[] {"BatchOperationActor-1", "STARTED"}, race))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.seen()).isEqualTo(2);
    }

    @Test
    void anyOtherEngineErrorIsLogged() {
        RuntimeException race = new RuntimeException(new ConcurrentModificationException());
        RuntimeException other = new IllegalStateException("something else");

        assertThat(filter.decide(null, actor, Level.ERROR, FORMAT, new Object[] {"StreamProcessor-1", "STARTED", race}, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, actor, Level.ERROR, FORMAT, new Object[] {"BatchOperationActor-1", "STARTED", other}, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, context.getLogger("org.familyjourney.x"), Level.ERROR, FORMAT,
                new Object[] {"BatchOperationActor-1", "STARTED", race}, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.seen()).isZero();
    }
}
