package org.familyjourney.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where a piece of text still stands in the database: every text column of every table, searched. */
public final class TextColumns {

    private TextColumns() {
    }

    /** The columns ("table.column") holding the text anywhere, e.g. a family's free text after anonymisation. */
    public static List<String> holding(JdbcTemplate jdbc, String text) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name AS t, column_name AS c FROM information_schema.columns
                WHERE table_schema = DATABASE() AND data_type IN ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'json', 'tinytext')""");
        List<String> holding = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = column.get("t").toString();
            String name = column.get("c").toString();
            Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "` WHERE `" + name + "` LIKE ?", Integer.class,
                    "%" + text + "%");
            if (found != null && found > 0) {
                holding.add(table + "." + name);
            }
        }
        return holding;
    }
}
