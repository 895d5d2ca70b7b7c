package org.familyjourney.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * After every migration, gives the app's database user exactly what it needs, table by table: full
 * use of the working tables, but only SELECT and INSERT on the append-only logs, so no bug and no
 * stolen app credential can rewrite a family's history, and only SELECT and UPDATE on the one-row
 * tables a migration makes. Runs as Flyway's (owner) connection.
 */
@Component
@ConditionalOnProperty(name = "familyjourney.database.restrict-app-user", havingValue = "true")
class AppUserPrivileges implements Callback {

    /** Tables the app may only append to and read. */
    static final Set<String> APPEND_ONLY = Set.of("journey_entry", "access_log");
    /** One-row tables whose row a migration makes: the app reads and changes it, never adds or removes one. */
    static final Set<String> UPDATE_ONLY = Set.of("engine_clock");

    private final String appUser;

    AppUserPrivileges(@Value("${spring.datasource.username}") String appUser) {
        this.appUser = appUser;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            String schema = connection.getCatalog();
            for (String table : tables(connection)) {
                String privileges = APPEND_ONLY.contains(table) ? "SELECT, INSERT"
                        : UPDATE_ONLY.contains(table) ? "SELECT, UPDATE"
                        : table.startsWith("flyway_") ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE";
                sql.execute("GRANT " + privileges + " ON `" + schema + "`.`" + table + "` TO '" + appUser + "'@'%'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the app's database user its privileges", e);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    @Override
    public String getCallbackName() {
        return "app-user-privileges";
    }
}
