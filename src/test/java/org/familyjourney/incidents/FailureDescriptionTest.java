package org.familyjourney.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** An incident's message says what went wrong in plain words and never repeats what a library quoted. */
class FailureDescriptionTest {

    @Test
    void aDatabaseFailureIsNamedWithoutTheValuesTheDatabaseQuoted() {
        var failure = new DataIntegrityViolationException("could not insert",
                new SQLIntegrityConstraintViolationException("Duplicate entry 'Sam Testfamily, 07700 900123' for key 'uq'"));
        FailureDescription description = FailureDescription.of(failure);
        assertThat(description.message()).isEqualTo("The database did not answer or refused the change.");
        assertThat(description.failure()).isEqualTo("DataIntegrityViolationException <- SQLIntegrityConstraintViolationException");
    }

    @Test
    void ourOwnChecksKeepTheirMessageWhichNamesOnlyTheStepAndCase() {
        FailureDescription description = FailureDescription.of(ownCheck());
        assertThat(description.message())
                .isEqualTo("The step was missing information it needs, or the information did not fit. No worker was allocated to case FJ-2026-000007.");
    }

    @Test
    void aLibrarysMessageIsLeftOutEvenForTheSameKindOfException() {
        Exception parse = null;
        try {
            LocalDate.parse("Sam Testfamily");
        } catch (DateTimeParseException e) {
            parse = e;
        }
        FailureDescription description = FailureDescription.of(parse);
        assertThat(description.message()).doesNotContain("Sam").startsWith("The step failed unexpectedly (DateTimeParseException)");
        assertThat(FailureDescription.of(new IllegalStateException(parse))).extracting(FailureDescription::message)
                .asString().doesNotContain("Sam");
    }

    @Test
    void anExceptionWrappedByTheCallOfTheWorkerIsDescribedByWhatTheWorkerThrew() {
        FailureDescription description = FailureDescription.of(new RuntimeException(new java.lang.reflect.InvocationTargetException(ownCheck())));
        assertThat(description.message()).endsWith("No worker was allocated to case FJ-2026-000007.");
        assertThat(description.failure()).isEqualTo("IllegalArgumentException");
    }

    private static IllegalArgumentException ownCheck() {
        return new IllegalArgumentException("No worker was allocated to case FJ-2026-000007");
    }
}
