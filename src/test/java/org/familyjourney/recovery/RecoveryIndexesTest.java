package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recovery moves every recovered instance's rows to its new key, table by table, by
 * (engine_generation, process_instance_key). Without an index on that pair each move read every row: at
 * 110,000 cases a recycle kept users waiting a minute (BENCHMARKS.md, run 12). The database must be able to
 * find those rows by an index that begins with that pair.
 */
class RecoveryIndexesTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTableRecoveryMovesFindsItsRowsByTheInstanceKey() {
        for (String table : Recovery.INSTANCE_TABLES) {
            List<String> indexes = jdbc.queryForList("""
                    SELECT g.index_name FROM information_schema.statistics g JOIN information_schema.statistics k
                        ON k.table_schema = g.table_schema AND k.table_name = g.table_name AND k.index_name = g.index_name
                    WHERE g.table_schema = DATABASE() AND g.table_name = ?
                        AND g.seq_in_index = 1 AND g.column_name = 'engine_generation'
                        AND k.seq_in_index = 2 AND k.column_name = 'process_instance_key'""", String.class, table);
            assertThat(indexes).as(table).isNotEmpty();
        }
    }
}
