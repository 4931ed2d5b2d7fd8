package org.ebpmlake.sql.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.mart.KpiActualsMart;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.SqlUsers;
import org.ebpmlake.sql.audit.AuditReceiver;
import org.ebpmlake.sql.audit.QueryLogCollector;
import org.ebpmlake.sql.query.AccessDeniedException;
import org.ebpmlake.sql.query.TrinoSqlEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Trino (installed from Maven Central into the project's var/services on first use) on a temporary
 * lake that Spark writes, with password logins, the role rules and the audit receiver, all on 127.0.0.1.
 */
@ExtendWith(LakeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoIT {
    private TemporaryLake lake;
    private TrinoSettings settings;
    private SqlUsers users;
    private TrinoConfiguration configuration;
    private TrinoServer trino;
    private AuditReceiver receiver;

    @BeforeAll
    void startTrinoOnATemporaryLake(TemporaryLake temporaryLake) throws IOException {
        lake = temporaryLake.withTables();
        Path root = LakeExtension.repositoryRoot();
        LakeSettings repositorySettings = new LakeSettingsLoader(root, Map.of()).load();
        Path installed = new TrinoInstallation(TrinoSettings.from(repositorySettings, root), line -> { }).ensureInstalled();
        Path services = lake.directory().resolve("services");
        settings = new TrinoSettings(services, repositorySettings.option("lake.trino.version").orElseThrow(),
                freePort(), freePort(), freePort(), lake.directory().resolve("secrets/users.txt"));
        Files.createDirectories(services);
        Files.createSymbolicLink(settings.installation(), installed);
        users = SqlUsers.readOrCreateLocal(settings.usersFile());
        receiver = new AuditReceiver(settings.auditPort(), settings.auditSpool(), lake.settings().catalogName());
        receiver.start();
        configuration = new TrinoConfiguration(settings, lake.settings(), users);
        configuration.write();
        trino = new TrinoServer(settings);
        trino.start(configuration.etc());
        trino.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterAll
    void stop() {
        if (trino != null) {
            trino.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void trinoReadsTheSnapshotSparkJustCommittedAndTheNextOne() {
        lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('20-39', '1', '27128', '日本', true), "
                + "('40-59', '2', '27102', '外国', false)");
        long sparkSnapshot = currentSnapshot();
        try (TrinoSqlEngine planner = engine(Role.PLANNER)) {
            assertThat(planner.execute("SELECT count(*) FROM deid.residents").rows()).containsExactly(List.of("2"));
            assertThat(planner.execute("SELECT snapshot_id FROM deid.\"residents$snapshots\" ORDER BY committed_at DESC LIMIT 1").rows())
                    .containsExactly(List.of(Long.toString(sparkSnapshot)));

            lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('60-79', '1', '27128', '日本', true)");

            assertThat(planner.execute("SELECT count(*) FROM deid.residents").rows()).containsExactly(List.of("3"));
            assertThat(planner.execute("SELECT ward_code, count(*) FROM deid.residents GROUP BY ward_code ORDER BY ward_code").rows())
                    .containsExactly(List.of("27102", "1"), List.of("27128", "2"));
        }
    }

    @Test
    void eachRoleReadsWhatItMayAndIsDeniedTheRestWithAClearMessage() {
        try (TrinoSqlEngine planner = engine(Role.PLANNER);
                TrinoSqlEngine schoolBoard = engine(Role.SCHOOL_BOARD);
                TrinoSqlEngine dxOffice = engine(Role.DX_OFFICE);
                TrinoSqlEngine steward = engine(Role.STEWARD)) {
            assertThat(planner.execute("SELECT count(*) FROM mart.kpi_progress").rows()).hasSize(1);
            assertThatThrownBy(() -> planner.execute("SELECT * FROM raw.residents"))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Access Denied: Cannot select from table")
                    .hasMessageContaining("raw.residents")
                    .hasMessageContaining("ロール planner（政策立案者）：参照できるのは deid.*, mart.* です");
            assertThatThrownBy(() -> planner.execute("SELECT * FROM curated.residents")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> schoolBoard.execute("SELECT * FROM mart.kpi_progress")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> schoolBoard.execute("SELECT * FROM deid.residents")).isInstanceOf(AccessDeniedException.class);
            assertThat(dxOffice.execute("SELECT count(*) FROM mart.kpi_actuals").rows()).hasSize(1);
            assertThatThrownBy(() -> dxOffice.execute("SELECT * FROM deid.residents")).isInstanceOf(AccessDeniedException.class);
            assertThat(steward.execute("SELECT count(*) FROM raw.residents").rows()).containsExactly(List.of("0"));
            assertThat(steward.execute("SELECT count(*) FROM ops.runs").rows()).hasSize(1);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        var impostor = new org.ebpmlake.sql.access.SqlUser("planner", Role.PLANNER, "政策企画室", "not-the-password-at-all");
        assertThatThrownBy(() -> new TrinoSqlEngine(settings.jdbcUrl(lake.settings().catalogName()), impostor,
                configuration.trustStore(), TrinoConfiguration.trustStorePassword()).execute("SELECT 1"))
                .isNotInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("authentication failed for user planner")
                .hasMessageContaining("Invalid credentials");
    }

    @Test
    void everyQueryLandsInTheQueryLogWithItsUserTablesAndOutcomeButNoText() throws IOException {
        try (TrinoSqlEngine planner = engine(Role.PLANNER)) {
            planner.execute("SELECT count(*) FROM deid.residents WHERE ward_code = '27128'");
            assertThatThrownBy(() -> planner.execute("SELECT * FROM raw.residents")).isInstanceOf(AccessDeniedException.class);
        }
        awaitSpoolWith("PERMISSION_DENIED");

        new QueryLogCollector(lake.spark(), lake.settings(), users).collect(settings.auditSpool());
        new QueryLogCollector(lake.spark(), lake.settings(), users).collect(settings.auditSpool());

        List<Row> log = lake.spark().table(lake.table("ops.query_log")).where("user_name = 'planner'").collectAsList();
        assertThat(log).anySatisfy(row -> {
            assertThat(row.<String>getAs("table_name")).isEqualTo("deid.residents");
            assertThat(row.<String>getAs("query_state")).isEqualTo("FINISHED");
            assertThat(row.<String>getAs("role")).isEqualTo("planner");
            assertThat(row.<String>getAs("department")).isEqualTo("政策企画室");
        });
        assertThat(log).anySatisfy(row -> assertThat(row.<String>getAs("error_code")).isEqualTo("PERMISSION_DENIED"));
        assertThat(log.stream().map(row -> row.<String>getAs("query_id") + "/" + row.<String>getAs("table_name")).distinct().count())
                .as("collecting twice adds nothing").isEqualTo(log.size());
        assertThat(Files.readString(settings.auditSpool())).doesNotContain("27128");

        long departmentsWithQueries = lake.spark().table(lake.table("ops.query_log")).collectAsList().stream()
                .filter(row -> "FINISHED".equals(row.getAs("query_state")) && !"".equals(row.getAs("table_name")))
                .map(row -> row.<String>getAs("department")).distinct().count();
        new KpiActualsMart(lake.spark(), lake.settings().withOption("lake.kpi.department-count", "8"), LocalDate.of(2025, 3, 31)).build();
        Row derived = lake.spark().table(lake.table("mart.kpi_actuals")).where("kpi_id = 'K06-10-1'").first();
        assertThat(derived.<String>getAs("source")).isEqualTo("derived:query_log");
        assertThat(derived.<Double>getAs("actual_value")).isEqualTo(100.0 * departmentsWithQueries / 8);
    }

    private void awaitSpoolWith(String text) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(settings.auditSpool()) && Files.readString(settings.auditSpool()).contains(text))) {
            assertThat(System.nanoTime()).as("audit event with %s within 60 s", text).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private TrinoSqlEngine engine(Role role) {
        return new TrinoSqlEngine(settings.jdbcUrl(lake.settings().catalogName()), users.firstOf(role), configuration.trustStore(),
                TrinoConfiguration.trustStorePassword());
    }

    private long currentSnapshot() {
        return lake.spark().sql("SELECT snapshot_id FROM " + lake.table("deid.residents.snapshots")
                + " ORDER BY committed_at DESC LIMIT 1").first().getLong(0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
