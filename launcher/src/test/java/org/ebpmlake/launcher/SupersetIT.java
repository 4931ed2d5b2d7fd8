package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.dashboards.ChartQuery;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.DashboardCatalog;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import org.ebpmlake.lake.ListeningSockets;
import org.ebpmlake.lake.ResidentMemory;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.lake.services.GeneratedSecret;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.SqlUsers;
import org.ebpmlake.sql.audit.AuditReceiver;
import org.ebpmlake.sql.audit.AuditSecret;
import org.ebpmlake.sql.trino.TrinoConfiguration;
import org.ebpmlake.sql.trino.TrinoInstallation;
import org.ebpmlake.sql.trino.TrinoServer;
import org.ebpmlake.sql.trino.TrinoSettings;
import org.ebpmlake.superset.DashboardPublisher;
import org.ebpmlake.superset.Publication;
import org.ebpmlake.superset.SupersetClient;
import org.ebpmlake.superset.SupersetServer;
import org.ebpmlake.superset.SupersetSettings;
import org.ebpmlake.superset.TrinoEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Apache Superset (installed from PyPI into the project's var/services on first use) on 127.0.0.1 with SQLite
 * metadata in a temporary home, and a real Trino on a temporary lake of tiny samples run through the whole pipeline:
 * the dashboard declarations are published into it and read back, chart data is compared with the marts, a second
 * publish must change nothing, and a school-board user must be refused what the DX office and planners see. One
 * Superset start serves the whole class.
 */
@ExtendWith(LakeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupersetIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TemporaryLake lake;
    private TrinoServer trino;
    private TrinoSettings trinoSettings;
    private AuditReceiver receiver;
    private SupersetServer superset;
    private SupersetClient admin;
    private DashboardPublisher publisher;
    private List<DashboardDeclaration> declared;
    private Publication first;

    @BeforeAll
    void startTrinoAndSupersetOnATinyLake(TemporaryLake temporaryLake) throws IOException {
        lake = new TemporaryLake(temporaryLake.settings().withOption("lake.sample.scale", "tiny"), temporaryLake.spark(),
                temporaryLake.directory());
        long started = System.nanoTime();
        new LakeRun(lake.spark(), lake.settings(), PseudonymKey.of(LakeScript.KEY), line -> { }, Clock.systemUTC()).run();
        System.out.printf("tiny lake built in %.1f s%n", (System.nanoTime() - started) / 1e9);

        Path root = LakeExtension.repositoryRoot();
        LakeSettings repository = new LakeSettingsLoader(root, Map.of()).load();
        Path installed = new TrinoInstallation(TrinoSettings.from(repository, root), line -> { }).ensureInstalled();
        Path services = lake.directory().resolve("services");
        trinoSettings = new TrinoSettings(services, repository.option("lake.trino.version").orElseThrow(), freePort(), freePort(),
                freePort(), lake.directory().resolve("secrets/sql-users.txt"));
        Files.createDirectories(services);
        Files.createSymbolicLink(trinoSettings.installation(), installed);
        SqlUsers users = SqlUsers.readOrCreateLocal(trinoSettings.usersFile());
        TrinoConfiguration configuration = new TrinoConfiguration(trinoSettings, lake.settings(), users);
        configuration.write();
        receiver = new AuditReceiver(trinoSettings.auditPort(), trinoSettings.auditSpool(), lake.settings().catalogName(),
                AuditSecret.readOrCreate(trinoSettings.auditSecretFile()));
        receiver.start();
        trino = new TrinoServer(trinoSettings);
        trino.start(configuration.etc());
        trino.awaitHealthy(Duration.ofMinutes(3));

        SupersetSettings shared = SupersetSettings.from(repository, root);
        SupersetSettings settings = new SupersetSettings(shared.environment(), shared.lockFile(), services.resolve("superset/home"), freePort(), 1,
                lake.directory().resolve("secrets"));
        superset = new SupersetServer(settings, System.out::println);
        started = System.nanoTime();
        superset.up(Duration.ofMinutes(5));
        System.out.printf("Superset up (install if needed, metadata, web server) in %.1f s%n", (System.nanoTime() - started) / 1e9);
        admin = superset.client();
        publisher = new DashboardPublisher(admin, new TrinoEndpoint(trinoSettings.httpsPort(), lake.settings().catalogName(),
                configuration.certificate()), users, role -> GeneratedSecret.readOrCreate(settings.audiencePasswordFile(role.code()), 18),
                System.out::println);
        declared = DashboardCatalog.load().all();
        first = publisher.publish(declared);
        System.out.printf("first publish of %d dashboards, %d charts: %.1f s%n", first.dashboards().size(), first.charts().size(),
                first.took().toMillis() / 1000.0);
        System.out.printf("Superset idle after publish: %d MiB resident (gunicorn and its workers)%n", ResidentMemory.mebibytes(superset.processIds()));
    }

    @AfterAll
    void stopEverything() throws IOException, InterruptedException {
        Optional<String> screenshots = Optional.ofNullable(System.getProperty("lake.superset.screenshots"));
        if (superset != null && screenshots.isPresent()) {
            screenshots(Path.of(screenshots.get()).toAbsolutePath());
        }
        if (superset != null) {
            superset.down();
        }
        if (trino != null) {
            trino.stop();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void everyDashboardChartAndDatasetReadBackThroughTheApiIsAsDeclared() {
        assertThat(first.deleted()).isZero();
        for (DashboardDeclaration dashboard : declared) {
            JsonNode read = admin.get("/api/v1/dashboard/" + DashboardPublisher.slug(dashboard)).path("result");
            assertThat(read.path("id").asLong()).isEqualTo(first.dashboards().get(dashboard.id()));
            assertThat(read.path("dashboard_title").asText()).isEqualTo(dashboard.title().ja());
            assertThat(read.path("published").asBoolean()).isTrue();
            assertThat(read.path("roles").findValuesAsText("name")).containsExactly(DashboardPublisher.roleName(Role.fromCode(dashboard.role())));
            JsonNode layout = parse(read.path("position_json").asText());
            List<Long> placed = new ArrayList<>();
            layout.forEach(node -> {
                if (node.path("type").asText().equals("CHART")) {
                    placed.add(node.path("meta").path("chartId").asLong());
                }
            });
            List<Long> expected = dashboard.charts().stream().map(chart -> first.charts().get(dashboard.id() + "/" + chart.id())).toList();
            assertThat(placed).as("charts placed on %s", dashboard.id()).containsExactlyInAnyOrderElementsOf(expected);

            for (ChartDeclaration chart : dashboard.charts()) {
                String key = dashboard.id() + "/" + chart.id();
                JsonNode readChart = admin.get("/api/v1/chart/" + first.charts().get(key)).path("result");
                assertThat(readChart.path("slice_name").asText()).as(key).isEqualTo(chart.title().ja());
                assertThat(readChart.path("viz_type").asText()).as(key).isEqualTo(chart.type().supersetVizType());
                assertThat(readChart.path("datasource_id").asLong()).as(key).isEqualTo(first.datasets().get(key));
                assertThat(readChart.path("dashboards").findValuesAsText("dashboard_title")).as(key).containsExactly(dashboard.title().ja());
                assertThat(parse(readChart.path("query_context").asText()).path("queries")).as(key).hasSize(1);

                JsonNode dataset = admin.get("/api/v1/dataset/" + first.datasets().get(key)).path("result");
                assertThat(dataset.path("sql").asText()).as(key).isEqualTo(ChartQuery.sql(chart, lake.settings().catalogName()));
                assertThat(dataset.path("database").path("database_name").asText()).as(key)
                        .isEqualTo(DashboardPublisher.databaseName(Role.fromCode(dashboard.role())));
            }
        }
        assertThat(first.datasets().values()).doesNotHaveDuplicates();
    }

    @Test
    @Order(2)
    void chartDataFetchedThroughSupersetEqualsTheMartsRowsAndSuppressedCellsStaySuppressed() {
        String catalog = lake.settings().catalogName();
        List<String> receipts = chartData("kpi-overview/kpi-receipts", Optional.empty()).stream()
                .map(row -> line(row.get("kpi_id"), row.get("fiscal_year"), row.get("reported_by"), row.get("actual_value"))).toList();
        List<String> expectedReceipts = lake.spark().sql("SELECT kpi_id, fiscal_year, reported_by, actual_value FROM " + catalog
                + ".mart.kpi_receipts").collectAsList().stream().map(row -> line(row.get(0), row.get(1), row.get(2), row.get(3))).toList();
        assertThat(receipts).isNotEmpty().containsExactlyInAnyOrderElementsOf(expectedReceipts);

        List<String> trend = chartData("education-scores/mean-score-trend", Optional.empty()).stream()
                .map(row -> line(row.get("fiscal_year"), row.get("grade"), row.get("平均点"))).toList();
        List<String> cells = lake.spark().sql("SELECT fiscal_year, grade, mean_score FROM " + catalog
                + ".mart.education_scores WHERE subject = '国語' AND area_code = '27100'").collectAsList().stream()
                .map(row -> line(row.get(0), row.get(1), row.get(2))).toList();
        assertThat(trend).isNotEmpty().containsExactlyInAnyOrderElementsOf(cells);

        // The same chart narrowed to a school whose cell the mart suppresses: Superset shows no number for it either.
        List<Row> suppressed = lake.spark().sql("SELECT subject, area_code, fiscal_year, grade FROM " + catalog
                + ".mart.education_scores WHERE suppressed ORDER BY area_code, subject, fiscal_year, grade LIMIT 1").collectAsList();
        assertThat(suppressed).as("the tiny sample has a suppressed cell").hasSize(1);
        Row cell = suppressed.get(0);
        List<Map<String, Object>> narrowed = chartData("education-scores/mean-score-trend",
                Optional.of(Map.of("subject", cell.getString(0), "area_code", cell.getString(1))));
        Map<String, Object> shown = narrowed.stream().filter(row -> line(row.get("fiscal_year"), row.get("grade"))
                .equals(line(cell.get(2), cell.get(3)))).findFirst().orElseThrow();
        assertThat(shown.get("平均点")).as("suppressed cell %s", shown).isNull();
        assertThat(shown.get("受検者数")).as("suppressed cell %s", shown).isNull();
    }

    @Test
    @Order(3)
    void aSecondPublishLeavesEveryObjectsIdAndChangeTimeAsTheyWere() {
        Map<String, String> before = changeTimes();

        Publication second = publisher.publish(declared);

        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.deleted()).isZero();
        assertThat(second.charts()).isEqualTo(first.charts());
        assertThat(second.datasets()).isEqualTo(first.datasets());
        assertThat(second.dashboards()).isEqualTo(first.dashboards());
        assertThat(changeTimes()).isEqualTo(before);
        System.out.printf("second publish (nothing to change): %.1f s%n", second.took().toMillis() / 1000.0);
    }

    @Test
    @Order(4)
    void aChangedChartIsUpdatedInPlaceAndARemovedOneIsDeleted() {
        DashboardDeclaration scores = declared.stream().filter(dashboard -> dashboard.id().equals("education-scores")).findFirst().orElseThrow();
        ChartDeclaration renamed = retitled(scores.charts().get(0), new LocalizedText("平均点の推移（改）", "Mean score, revised"));
        DashboardDeclaration changed = new DashboardDeclaration(scores.id(), scores.title(), scores.description(), scores.role(), scores.page(),
                List.of(renamed, scores.charts().get(1)));
        List<DashboardDeclaration> definitions = declared.stream().map(dashboard -> dashboard.id().equals(scores.id()) ? changed : dashboard).toList();
        String renamedKey = scores.id() + "/" + renamed.id();
        String removedKey = scores.id() + "/" + scores.charts().get(2).id();

        Publication third = publisher.publish(definitions);

        assertThat(third.charts().get(renamedKey)).isEqualTo(first.charts().get(renamedKey));
        assertThat(admin.get("/api/v1/chart/" + first.charts().get(renamedKey)).path("result").path("slice_name").asText())
                .isEqualTo("平均点の推移（改）");
        assertThat(third.charts()).doesNotContainKey(removedKey);
        assertThat(admin.getIfFound("/api/v1/chart/" + first.charts().get(removedKey))).isEmpty();
        assertThat(admin.getIfFound("/api/v1/dataset/" + first.datasets().get(removedKey))).isEmpty();
        assertThat(third.deleted()).isEqualTo(2);

        Publication restored = publisher.publish(declared);
        assertThat(admin.get("/api/v1/chart/" + restored.charts().get(renamedKey)).path("result").path("slice_name").asText())
                .isEqualTo(scores.charts().get(0).title().ja());
        assertThat(restored.charts()).containsKey(removedKey);
    }

    @Test
    @Order(5)
    void aSchoolBoardUserIsRefusedTheDxOfficesDashboardAndDeidInSqlLab() {
        SupersetClient schoolBoard = new SupersetClient(superset.settings().url(), DashboardPublisher.userName(Role.SCHOOL_BOARD),
                GeneratedSecret.readOrCreate(superset.settings().audiencePasswordFile(Role.SCHOOL_BOARD.code()), 18));
        DashboardDeclaration kpi = declared.stream().filter(dashboard -> dashboard.role().equals("dx_office")).findFirst().orElseThrow();
        DashboardDeclaration education = declared.stream().filter(dashboard -> dashboard.role().equals("school_board")).findFirst().orElseThrow();

        assertThat(schoolBoard.attempt("GET", "/api/v1/dashboard/" + DashboardPublisher.slug(education), Optional.empty()).status()).isEqualTo(200);
        assertThat(schoolBoard.attempt("GET", "/api/v1/dashboard/" + DashboardPublisher.slug(kpi), Optional.empty()).status()).isIn(403, 404);
        assertThat(schoolBoard.list("/api/v1/dashboard/")).extracting(dashboard -> dashboard.path("slug").asText())
                .doesNotContain(DashboardPublisher.slug(kpi)).contains(DashboardPublisher.slug(education));
        String ownChart = first.charts().get(education.id() + "/" + education.charts().get(0).id()).toString();
        assertThat(schoolBoard.attempt("GET", "/api/v1/chart/" + ownChart + "/data/", Optional.empty()).status()).isEqualTo(200);
        String kpiChart = first.charts().get(kpi.id() + "/" + kpi.charts().get(0).id()).toString();
        assertThat(schoolBoard.attempt("GET", "/api/v1/chart/" + kpiChart + "/data/", Optional.empty()).status()).isIn(403, 404);

        long database = databaseId(DashboardPublisher.databaseName(Role.SCHOOL_BOARD));
        SupersetClient.Answer allowed = sqlLab(schoolBoard, database, "SELECT count(*) AS n FROM mart.education_scores");
        assertThat(allowed.ok()).as(allowed.body().toString()).isTrue();
        SupersetClient.Answer deid = sqlLab(schoolBoard, database, "SELECT * FROM deid.residents LIMIT 1");
        assertThat(deid.ok()).isFalse();
        assertThat(deid.body().toString()).containsIgnoringCase("access denied");
        // SQL Lab's table list comes from Trino's metadata as the school board's user: its tables only, and some.
        SupersetClient.Answer tables = schoolBoard.attempt("GET", "/api/v1/database/" + database + "/tables/?q=(schema_name:mart,force:!t)",
                Optional.empty());
        assertThat(tables.ok()).as(tables.body().toString()).isTrue();
        assertThat(tables.body().path("result").findValuesAsText("value")).isNotEmpty().allMatch(name -> name.startsWith("education_"));
        long planners = databaseId(DashboardPublisher.databaseName(Role.PLANNER));
        assertThat(sqlLab(schoolBoard, planners, "SELECT 1").ok()).as("the planners' connection").isFalse();
    }

    @Test
    @Order(6)
    void nothingOfSupersetListensBeyondTheLoopbackInterface() {
        List<String> listening = ListeningSockets.of(superset.processIds().stream().mapToLong(Long::longValue).toArray());

        assertThat(listening).isNotEmpty().allSatisfy(socket -> assertThat(ListeningSockets.isLoopback(socket)).as(socket).isTrue());
    }

    @Test
    @Order(7)
    void noNameIdOrAddressOfTheRawZoneReachesSuperset() throws IOException {
        // The ids as they are now: an earlier test removed a chart and published it again under a new id.
        Publication current = publisher.publish(declared);
        Map<String, String> texts = new LinkedHashMap<>();
        current.charts().forEach((key, id) -> {
            texts.put("chart " + key, admin.get("/api/v1/chart/" + id).toString());
            texts.put("data of chart " + key, admin.get("/api/v1/chart/" + id + "/data/").toString());
        });
        current.datasets().forEach((key, id) -> texts.put("dataset of " + key, admin.get("/api/v1/dataset/" + id).toString()));
        current.dashboards().forEach((key, id) -> texts.put("dashboard " + key, admin.get("/api/v1/dashboard/" + id).toString()));
        texts.put("Superset's log", Files.readString(superset.settings().home().resolve("superset.log")));
        LeakScan scan = new LeakScan(lake, DatasetCatalog.load());

        assertThat(scan.inTexts(texts)).as("places in Superset holding a raw name, id or address").isEmpty();
        // The scan finds what it looks for: a resident's name planted in a chart's answer is reported.
        assertThat(scan.inTexts(Map.of("planted", texts.values().iterator().next() + scan.aPersonalValue()))).containsExactly("planted");
    }

    /**
     * The rows of a chart as Superset answers them: from its saved query context ({@code /api/v1/chart/{id}/data/}), or
     * from that context with its conditions replaced by {@code conditions} (as a reader choosing other filter values).
     */
    /**
     * A screenshot of each published dashboard in Superset with headless Chromium, for the closing note of a change to
     * the renderer (only with {@code -Dlake.superset.screenshots=<folder>}; not part of the suite's checks).
     */
    private void screenshots(Path folder) throws IOException, InterruptedException {
        Path script = Files.createTempFile("superset-screenshots", ".py");
        try (java.io.InputStream in = SupersetIT.class.getClassLoader().getResourceAsStream("superset-screenshots.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(superset.environment().executable("python").toString(), script.toString(),
                superset.settings().url().toString(), SupersetSettings.ADMIN, superset.settings().adminPasswordFile().toString(),
                folder.toString()));
        declared.forEach(dashboard -> command.add(DashboardPublisher.slug(dashboard)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("REQUESTS_CA_BUNDLE");
        builder.environment().remove("CURL_CA_BUNDLE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.println("screenshots of the dashboards in Superset: exit " + process.waitFor() + ", " + folder + "\n" + output);
        Files.delete(script);
    }

    private List<Map<String, Object>> chartData(String key, Optional<Map<String, String>> conditions) {
        long id = first.charts().get(key);
        if (conditions.isEmpty()) {
            return rows(admin.get("/api/v1/chart/" + id + "/data/"));
        }
        JsonNode chart = admin.get("/api/v1/chart/" + id).path("result");
        ObjectNode context = (ObjectNode) parse(chart.path("query_context").asText());
        conditions.ifPresent(values -> {
            com.fasterxml.jackson.databind.node.ArrayNode filters = ((ObjectNode) context.path("queries").get(0)).putArray("filters");
            values.forEach((column, value) -> filters.addObject().put("col", column).put("op", "==").put("val", value));
        });
        return rows(admin.post("/api/v1/chart/data", context));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(JsonNode answer) {
        List<Map<String, Object>> rows = new ArrayList<>();
        answer.path("result").get(0).path("data").forEach(row -> rows.add(JSON.convertValue(row, Map.class)));
        return rows;
    }

    /** Values as one comparable line: numbers without trailing zeros, whatever type each side gives them. */
    private static String line(Object... values) {
        List<String> texts = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof Number number) {
                texts.add(new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
            } else {
                texts.add(String.valueOf(value));
            }
        }
        return String.join("|", texts);
    }

    private SupersetClient.Answer sqlLab(SupersetClient client, long database, String sql) {
        ObjectNode body = JSON.createObjectNode().put("database_id", database).put("sql", sql).put("runAsync", false)
                .put("client_id", Long.toString(System.nanoTime() % 100_000_000L, 36)).put("queryLimit", 100)
                .put("select_as_cta", false);
        return client.attempt("POST", "/api/v1/sqllab/execute/", Optional.of(body));
    }

    private long databaseId(String name) {
        return admin.list("/api/v1/database/").stream().filter(database -> database.path("database_name").asText().equals(name))
                .findFirst().orElseThrow().path("id").asLong();
    }

    /** Every lake-made object's id with the time Superset last changed it. */
    private Map<String, String> changeTimes() {
        Map<String, String> times = new HashMap<>();
        admin.list("/api/v1/chart/").forEach(chart -> times.put("chart " + chart.path("id").asLong(), chart.path("changed_on_utc").asText()));
        admin.list("/api/v1/dataset/").forEach(dataset -> times.put("dataset " + dataset.path("id").asLong(),
                dataset.path("changed_on_utc").asText()));
        for (long id : first.dashboards().values()) {
            times.put("dashboard " + id, admin.get("/api/v1/dashboard/" + id).path("result").path("changed_on").asText());
        }
        admin.list("/api/v1/database/").forEach(database -> times.put("database " + database.path("id").asLong(),
                database.path("changed_on").asText()));
        assertThat(times).hasSizeGreaterThan(first.charts().size());
        return times;
    }

    private static ChartDeclaration retitled(ChartDeclaration chart, LocalizedText title) {
        return new ChartDeclaration(chart.id(), title, chart.note(), chart.type(), chart.source(), chart.sql(), chart.where(), chart.dimensions(),
                chart.series(), chart.measures(), chart.filters(), chart.columns(), chart.orderBy());
    }

    /** With Trino up, ./lake notebooks reads through it as a policy planner, not straight from the catalog. */
    @Test
    @Order(8)
    void theNotebooksReadThroughTrinoAsAPlannerWhenItIsUp() throws IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>(LakeScript.environmentOf(lake));
        environment.put("LAKE_SERVICES_DIRECTORY", trinoSettings.servicesDirectory().toString());
        environment.put("LAKE_TRINO_HTTP_PORT", Integer.toString(trinoSettings.httpPort()));
        environment.put("LAKE_TRINO_HTTPS_PORT", Integer.toString(trinoSettings.httpsPort()));
        environment.put("LAKE_AUDIT_PORT", Integer.toString(trinoSettings.auditPort()));
        environment.put("LAKE_SQL_USERS_FILE", trinoSettings.usersFile().toString());
        environment.put("LAKE_NOTEBOOKS_DIRECTORY", lake.directory().resolve("notebooks").toString());
        Path out = lake.directory().resolve("notebooks-out");

        LakeScript.Finished notebooks = LakeScript.run(environment, "notebooks", "03_kpi_review", "--out", out.toString());

        assertThat(notebooks.exitCode()).as(notebooks.output()).isZero();
        assertThat(notebooks.standardOutput()).contains("Trino（planner");
        assertThat(Files.readString(out.resolve("03_kpi_review.ipynb"))).contains("reading through: trino").contains("OK: ");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
