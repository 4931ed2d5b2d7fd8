package org.ebpmlake.sql.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trino.jdbc.TrinoResultSet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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
import org.ebpmlake.lake.ListeningSockets;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.mart.KpiActualsMart;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.SqlUsers;
import org.ebpmlake.sql.audit.AuditReceiver;
import org.ebpmlake.sql.audit.AuditSecret;
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
        configuration = new TrinoConfiguration(settings, lake.settings(), users);
        configuration.write();
        receiver = startReceiver();
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

    @Test
    void trinoListensOnLoopbackOnly() {
        List<String> listening = ListeningSockets.of(trino.process().pid().orElseThrow());

        assertThat(listening).contains("127.0.0.1:" + settings.httpPort(), "127.0.0.1:" + settings.httpsPort())
                .allSatisfy(address -> assertThat(ListeningSockets.isLoopback(address)).as(address).isTrue());
    }

    @Test
    void trinosConfigurationSecretsAndDataAreReadableByTheirOwnerOnly() throws IOException {
        List<Path> exposed = new ArrayList<>();
        for (Path root : List.of(settings.runtime(), settings.auditSecretFile(), settings.usersFile())) {
            try (var paths = Files.walk(root)) {
                paths.filter(path -> !Files.isSymbolicLink(path)).filter(TrinoIT::readableByOthers).forEach(exposed::add);
            }
        }

        assertThat(exposed).isEmpty();
        assertThat(configuration.etc().resolve("password.db")).exists();
        assertThat(configuration.etc().resolve("keystore.p12")).exists();
        assertThat(Files.readString(configuration.etc().resolve("password.db"))).doesNotContain(users.firstOf(Role.PLANNER).password());
    }

    @Test
    void aUserSeesAndKillsOnlyTheirOwnQueriesOverJdbcAndRest() throws Exception {
        String stewardQuery = queryId(Role.STEWARD, "SELECT count(*) FROM ops.runs");
        String plannerQuery = queryId(Role.PLANNER, "SELECT count(*) FROM deid.residents");

        String plannersList = rest(Role.PLANNER, "GET", "/v1/query").body();
        String stewardsList = rest(Role.STEWARD, "GET", "/v1/query").body();

        assertThat(plannersList).contains(plannerQuery).doesNotContain(stewardQuery);
        assertThat(stewardsList).contains(plannerQuery).contains(stewardQuery);
        assertThat(rest(Role.PLANNER, "GET", "/v1/query/" + stewardQuery).statusCode()).isIn(403, 404);
        assertThat(rest(Role.PLANNER, "DELETE", "/v1/query/" + stewardQuery).statusCode()).isIn(403, 404);
        try (TrinoSqlEngine planner = engine(Role.PLANNER)) {
            assertThatThrownBy(() -> planner.execute("CALL system.runtime.kill_query(query_id => '" + stewardQuery
                    + "', message => 'mine now')")).hasMessageContaining("Access Denied");
            assertThatThrownBy(() -> planner.execute("SELECT query FROM system.runtime.queries")).hasMessageContaining("Access Denied");
        }
        assertThat(rest(Role.PLANNER, "GET", "/v1/node").statusCode()).isEqualTo(403);
    }

    @Test
    void tableProceduresSnapshotProceduresAndWritesAreRefusedToEveryoneButTheStewardsMaintenanceCatalog() {
        lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('20-39', '1', '27128', '日本', true)");
        lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('40-59', '2', '27102', '日本', true)");
        long snapshot = currentSnapshot();
        long rows = lake.count("deid.residents");
        String maintenance = TrinoSettings.maintenanceCatalogName(lake.settings().catalogName());
        List<String> attacks = List.of(
                "ALTER TABLE deid.residents EXECUTE optimize",
                "ALTER TABLE deid.residents EXECUTE expire_snapshots(retention_threshold => '0s')",
                "ALTER TABLE deid.residents EXECUTE remove_orphan_files(retention_threshold => '0s')",
                "CALL system.rollback_to_snapshot('deid', 'residents', " + snapshot + ")",
                "CALL " + maintenance + ".system.rollback_to_snapshot('deid', 'residents', " + snapshot + ")",
                "ALTER TABLE " + maintenance + ".deid.residents EXECUTE optimize",
                "DROP TABLE deid.residents",
                "CREATE TABLE deid.stolen AS SELECT * FROM deid.residents",
                "INSERT INTO deid.residents VALUES ('0-19', '1', '27102', '日本', false)",
                "DELETE FROM deid.residents",
                "ALTER TABLE deid.residents RENAME TO deid.renamed",
                "COMMENT ON TABLE deid.residents IS 'mine'",
                "ALTER TABLE deid.residents SET AUTHORIZATION planner",
                "CREATE SCHEMA stolen");
        try (TrinoSqlEngine planner = engine(Role.PLANNER)) {
            for (String attack : attacks) {
                assertThatThrownBy(() -> planner.execute(attack)).as(attack).hasMessageContaining("Access Denied");
            }
        }
        try (TrinoSqlEngine steward = engine(Role.STEWARD)) {
            assertThatThrownBy(() -> steward.execute("ALTER TABLE deid.residents EXECUTE optimize")).hasMessageContaining("Access Denied");
            assertThatThrownBy(() -> steward.execute("DROP TABLE " + maintenance + ".deid.residents")).hasMessageContaining("Access Denied");
            steward.execute("ALTER TABLE " + maintenance + ".deid.residents EXECUTE optimize");
        }
        assertThat(lake.count("deid.residents")).isEqualTo(rows);
        assertThat(currentSnapshot()).as("the steward's optimize committed").isNotEqualTo(snapshot);
    }

    @Test
    void sessionPropertiesThatChangeResourceLimitsAreTheStewardsAlone() throws SQLException {
        for (String property : List.of("query_max_memory = '100GB'", "query_max_execution_time = '30d'", "resource_overcommit = true")) {
            try (Connection planner = connection(Role.PLANNER); Statement statement = planner.createStatement()) {
                assertThatThrownBy(() -> statement.execute("SET SESSION " + property)).as(property)
                        .hasMessageContaining("Access Denied").hasMessageContaining("session property");
            }
            try (Connection steward = connection(Role.STEWARD); Statement statement = steward.createStatement()) {
                statement.execute("SET SESSION " + property);
                try (ResultSet one = statement.executeQuery("SELECT 1")) {
                    assertThat(one.next()).isTrue();
                }
            }
        }
    }

    @Test
    void jdbcToolsBrowseExactlyTheTablesEachRoleMayRead() throws SQLException {
        String catalog = lake.settings().catalogName();
        try (Connection planner = connection(Role.PLANNER); Connection schoolBoard = connection(Role.SCHOOL_BOARD)) {
            List<String> plannerTables = tables(planner.getMetaData().getTables(catalog, null, "%", null));
            assertThat(plannerTables).contains("deid.residents", "mart.kpi_progress")
                    .allSatisfy(table -> assertThat(table).matches("(deid|mart|information_schema)\\..*"));
            assertThat(tables(schoolBoard.getMetaData().getTables(catalog, null, "%", null)))
                    .allSatisfy(table -> assertThat(table).matches("(mart\\.education_.*|information_schema\\..*)"));
            try (ResultSet columns = planner.getMetaData().getColumns(catalog, "raw", "residents", "%")) {
                assertThat(columns.next()).as("raw columns are not listed to a planner").isFalse();
            }
            try (ResultSet columns = planner.getMetaData().getColumns(catalog, "deid", "residents", "%")) {
                assertThat(columns.next()).isTrue();
            }
            try (Statement statement = planner.createStatement()) {
                assertThat(count(statement, "SELECT count(*) FROM system.metadata.table_comments WHERE catalog_name = '" + catalog
                        + "' AND schema_name = 'raw'")).isZero();
                assertThat(count(statement, "SELECT count(*) FROM system.metadata.table_comments WHERE catalog_name = '" + catalog
                        + "' AND schema_name = 'deid'")).isPositive();
                try (ResultSet ddl = statement.executeQuery("SHOW CREATE TABLE deid.residents")) {
                    assertThat(ddl.next()).isTrue();
                    assertThat(ddl.getString(1)).contains("CREATE TABLE").contains("ward_code");
                }
                assertThatThrownBy(() -> statement.executeQuery("SHOW CREATE TABLE raw.residents")).hasMessageContaining("Access Denied");
                assertThatThrownBy(() -> statement.executeQuery("SHOW COLUMNS FROM raw.residents")).hasMessageContaining("Access Denied");
            }
        }
    }

    @Test
    void nobodyRunsAQueryAsAnotherUser() {
        Properties properties = connectionProperties(Role.PLANNER);
        properties.setProperty("sessionUser", users.firstOf(Role.STEWARD).name());

        assertThatThrownBy(() -> {
            try (Connection impersonating = DriverManager.getConnection(settings.jdbcUrl(lake.settings().catalogName()), properties);
                    Statement statement = impersonating.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM raw.residents").close();
            }
        }).hasMessageContaining("Access Denied");
    }

    @Test
    void theAuditReceiverRefusesForgedEventsAndLosesNoneWhileItIsDown() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String forged = "{\"metadata\":{\"queryId\":\"forged-1\",\"queryState\":\"FINISHED\"},\"context\":{\"user\":\"mayor\"},"
                + "\"createTime\":\"2026-11-25T00:00:00Z\"}";
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.auditPort() + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString(forged)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongSecret = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.auditPort() + "/events"))
                .header(AuditSecret.HEADER, "0123456789abcdef0123456789abcdef-guess")
                .POST(HttpRequest.BodyPublishers.ofString(forged)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);

        List<String> before = List.of(queryId(Role.PLANNER, "SELECT count(*) FROM deid.residents"));
        receiver.close();
        List<String> whileDown = new ArrayList<>();
        for (int query = 0; query < 5; query++) {
            whileDown.add(queryId(Role.PLANNER, "SELECT count(*) FROM mart.kpi_progress"));
        }
        receiver = startReceiver();
        List<String> after = List.of(queryId(Role.DX_OFFICE, "SELECT count(*) FROM mart.kpi_actuals"));

        for (String queryId : concat(before, whileDown, after)) {
            awaitSpoolWith(queryId);
        }
        assertThat(Files.readString(settings.auditSpool())).doesNotContain("forged-1").doesNotContain("mayor");
    }

    private AuditReceiver startReceiver() {
        AuditReceiver started = new AuditReceiver(settings.auditPort(), settings.auditSpool(), lake.settings().catalogName(),
                AuditSecret.readOrCreate(settings.auditSecretFile()));
        started.start();
        return started;
    }

    private String queryId(Role role, String sql) throws SQLException {
        try (Connection connection = connection(role); Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery(sql)) {
            while (results.next()) {
                results.getObject(1);
            }
            return results.unwrap(TrinoResultSet.class).getQueryId();
        }
    }

    private Connection connection(Role role) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(lake.settings().catalogName()), connectionProperties(role));
    }

    private Properties connectionProperties(Role role) {
        Properties properties = new Properties();
        properties.setProperty("user", users.firstOf(role).name());
        properties.setProperty("password", users.firstOf(role).password());
        properties.setProperty("SSL", "true");
        properties.setProperty("SSLTrustStorePath", configuration.trustStore().toString());
        properties.setProperty("SSLTrustStorePassword", TrinoConfiguration.trustStorePassword());
        properties.setProperty("SSLTrustStoreType", "PKCS12");
        return properties;
    }

    /** A call to Trino's REST API over HTTPS, with the role's user and password. */
    private HttpResponse<String> rest(Role role, String method, String path) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(configuration.trustStore())) {
            trusted.load(in, TrinoConfiguration.trustStorePassword().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        String credentials = users.firstOf(role).name() + ":" + users.firstOf(role).password();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + settings.httpsPort() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newBuilder().sslContext(tls).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> tables(ResultSet tables) throws SQLException {
        List<String> names = new ArrayList<>();
        try (tables) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_SCHEM") + "." + tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static boolean readableByOthers(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_EXECUTE) || permissions.contains(PosixFilePermission.GROUP_EXECUTE);
        } catch (IOException e) {
            return false;
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private void awaitSpoolWith(String text) throws IOException {
        // Trino retries a refused event with a backoff of 1, 2, 4, 8 ... seconds.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!(Files.exists(settings.auditSpool()) && Files.readString(settings.auditSpool()).contains(text))) {
            assertThat(System.nanoTime()).as("audit event with %s within 120 s", text).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
