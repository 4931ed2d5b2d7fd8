package org.ebpmlake.sql.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.sql.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded SQL path as a curious analyst would probe it: every statement that is not a read of a permitted
 * table is refused before it runs, for every role, and the lake is left exactly as it was.
 */
@ExtendWith(LakeExtension.class)
class SparkSqlEngineTest {
    @Test
    void embeddedSqlUsesTheSameTableNamesAndGuardsTheRoleIncludingSubqueries(TemporaryLake lake) {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('20-39', '1', '27128', '日本', true)");
        SparkSqlEngine planner = new SparkSqlEngine(lake.spark(), lake.settings(), Role.PLANNER);

        assertThat(planner.execute("SELECT count(*) AS n FROM deid.residents").rows()).containsExactly(List.of("1"));
        assertThatThrownBy(() -> planner.execute("SELECT * FROM raw.residents"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("raw.residents を参照できません");
        assertThatThrownBy(() -> planner.execute(
                "SELECT count(*) FROM deid.residents WHERE EXISTS (SELECT 1 FROM curated.residents)"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("curated.residents");
        assertThatThrownBy(() -> planner.execute("WITH r AS (SELECT * FROM raw.residents) SELECT count(*) FROM r"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("raw.residents");
        assertThat(new SparkSqlEngine(lake.spark(), lake.settings(), Role.STEWARD).execute("SELECT count(*) FROM raw.residents").rows())
                .containsExactly(List.of("0"));
    }

    @Test
    void everyKindOfQueryAPlannerWritesStillRuns(TemporaryLake lake) {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('20-39', '1', '27128', '日本', true), "
                + "('40-59', '2', '27102', '外国', false)");
        long snapshot = lake.spark().sql("SELECT snapshot_id FROM " + lake.table("deid.residents.snapshots")).first().getLong(0);
        SparkSqlEngine planner = new SparkSqlEngine(lake.spark(), lake.settings(), Role.PLANNER);

        assertThat(planner.execute("WITH w AS (SELECT ward_code, count(*) AS n FROM deid.residents GROUP BY ward_code) "
                + "SELECT ward_code, n, rank() OVER (ORDER BY n DESC, ward_code) AS r FROM w ORDER BY r").rows())
                .containsExactly(List.of("27102", "1", "1"), List.of("27128", "1", "2"));
        assertThat(planner.execute("SELECT a.ward_code FROM deid.residents a JOIN " + lake.settings().catalogName()
                + ".deid.residents b ON a.ward_code = b.ward_code WHERE a.sex IN (SELECT sex FROM deid.residents WHERE ward_code = '27128') UNION ALL SELECT 'x'").rows())
                .containsExactlyInAnyOrder(List.of("27128"), List.of("x"));
        assertThat(planner.execute("SELECT * FROM VALUES (1), (2) AS t(n) LIMIT 1").rows()).hasSize(1);
        assertThat(planner.execute("SELECT count(*) FROM deid.residents VERSION AS OF " + snapshot).rows()).containsExactly(List.of("2"));
        assertThat(planner.execute("SELECT count(*) FROM range(3)").rows()).containsExactly(List.of("3"));
        assertThat(planner.execute("SELECT ward_code, n FROM deid.residents LATERAL VIEW explode(array(1, 2)) e AS n "
                + "WHERE ward_code = '27102' ORDER BY n").rows()).containsExactly(List.of("27102", "1"), List.of("27102", "2"));
    }

    @Test
    void refusesEverythingButReadsOfPermittedTablesForEveryRoleAndLeavesTheLakeAsItWas(TemporaryLake lake) throws IOException {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("raw.residents") + " SELECT * FROM " + lake.table("raw.residents") + " LIMIT 0");
        lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('20-39', '1', '27128', '日本', true)");
        Path secret = Files.writeString(lake.directory().resolve("pseudonym.key"), "not-a-real-key-but-a-secret-file");
        Path rawData = lake.settings().warehouse().resolve("raw");
        // Another part of the same JVM might have registered these; a statement must not reach raw data through them.
        lake.spark().table(lake.table("raw.residents")).createOrReplaceTempView("residents_view");
        lake.spark().table(lake.table("raw.residents")).createOrReplaceGlobalTempView("residents_global");
        String catalog = lake.settings().catalogName();
        List<String> attacks = List.of(
                "SELECT * FROM parquet.`" + rawData + "`",
                "SELECT * FROM text.`" + secret + "`",
                "SELECT * FROM csv.`" + secret + "`",
                "SELECT * FROM json.`" + secret + "`",
                "SELECT * FROM residents_view",
                "SELECT * FROM global_temp.residents_global",
                "SELECT * FROM spark_catalog.default.anything",
                "SELECT * FROM deid.residents.snapshots",
                "SELECT reflect('java.lang.System', 'getProperty', 'user.home')",
                "SELECT java_method('java.lang.System', 'getenv', 'LAKE_PSEUDONYM_KEY')",
                "SELECT TRANSFORM(ward_code) USING 'cat " + secret + "' AS (line) FROM deid.residents",
                "CREATE TABLE deid.stolen AS SELECT * FROM deid.residents",
                "CREATE TEMPORARY VIEW v AS SELECT * FROM deid.residents",
                "CREATE OR REPLACE TEMPORARY VIEW stolen USING text OPTIONS (path '" + secret + "')",
                "CREATE FUNCTION f AS 'java.lang.String'",
                "DROP TABLE deid.residents",
                "ALTER TABLE deid.residents SET TBLPROPERTIES ('comment' = 'mine now')",
                "INSERT INTO deid.residents VALUES ('0-19', '2', '27102', '日本', false)",
                "DELETE FROM deid.residents",
                "UPDATE deid.residents SET sex = '2'",
                "MERGE INTO deid.residents t USING deid.residents s ON false WHEN NOT MATCHED THEN INSERT *",
                "TRUNCATE TABLE deid.residents",
                "CALL " + catalog + ".system.rollback_to_snapshot('deid.residents', 1)",
                "CALL " + catalog + ".system.expire_snapshots('deid.residents')",
                "SET spark.sql.runSQLOnFiles = true",
                "SET spark.sql.defaultCatalog = spark_catalog",
                "RESET",
                "USE spark_catalog",
                "CACHE TABLE deid.residents",
                "ADD JAR " + secret,
                "EXPLAIN SELECT * FROM deid.residents",
                "DESCRIBE TABLE raw.residents",
                "SHOW TABLES IN raw",
                "REFRESH TABLE deid.residents",
                "INSERT OVERWRITE DIRECTORY '" + lake.directory().resolve("out") + "' SELECT * FROM deid.residents");
        Map<String, Long> before = snapshots(lake);

        for (Role role : Role.values()) {
            SparkSqlEngine engine = new SparkSqlEngine(lake.spark(), lake.settings(), role);
            for (String attack : attacks) {
                assertThatThrownBy(() -> engine.execute(attack)).as("%s as %s", attack, role.code())
                        .isInstanceOf(AccessDeniedException.class);
            }
        }

        assertThat(snapshots(lake)).isEqualTo(before);
        assertThat(lake.spark().catalog().tableExists(catalog + ".deid.stolen")).isFalse();
        assertThat(lake.spark().conf().get("spark.sql.defaultCatalog")).isEqualTo(catalog);
        assertThat(lake.spark().conf().get("spark.sql.runSQLOnFiles")).isEqualTo("false");
        assertThat(lake.directory().resolve("out")).doesNotExist();
        assertThat(lake.count("deid.residents")).isEqualTo(1);
    }

    @Test
    void aDeniedTablesSchemaIsNotRevealedByTheError(TemporaryLake lake) {
        lake.withTables();
        SparkSqlEngine planner = new SparkSqlEngine(lake.spark(), lake.settings(), Role.PLANNER);

        assertThatThrownBy(() -> planner.execute("SELECT no_such_column FROM raw.residents"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageNotContaining("name_kanji").hasMessageNotContaining("resident_id");
    }

    /** The current snapshot of every table of the lake: equal maps mean nothing was committed. */
    private static Map<String, Long> snapshots(TemporaryLake lake) {
        Map<String, Long> snapshots = new TreeMap<>();
        for (Row table : lake.spark().sql("SHOW TABLES IN " + lake.table("deid")).collectAsList()) {
            String name = "deid." + table.getString(1);
            List<Row> rows = lake.spark().sql("SELECT snapshot_id FROM " + lake.table(name) + ".snapshots ORDER BY committed_at DESC LIMIT 1")
                    .collectAsList();
            snapshots.put(name, rows.isEmpty() ? -1L : rows.get(0).getLong(0));
        }
        return snapshots;
    }
}
