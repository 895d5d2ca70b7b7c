package org.familyjourney.journey;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * V120: the free text of journey entries written before V105 moves beside the chain ({@link OldJourneyText}).
 * A Spring bean, which Spring Boot hands to Flyway with the SQL migrations; Flyway runs it on its own
 * connection (the schema owner's) in one transaction, so the rebuild is all or nothing.
 */
@Component
class OldJourneyTextMigration implements JavaMigration {

    private final OldJourneyText oldText;

    OldJourneyTextMigration(OldJourneyText oldText) {
        this.oldText = oldText;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("120");
    }

    @Override
    public String getDescription() {
        return "old journey free text beside the chain";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        // Flyway's connection, kept open and uncommitted: Flyway commits it with the migration's history row.
        oldText.moveBesideTheChain(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
    }
}
