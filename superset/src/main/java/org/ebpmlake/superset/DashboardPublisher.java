package org.ebpmlake.superset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.SqlUser;
import org.ebpmlake.sql.access.SqlUsers;

/**
 * Renders the dashboard declarations into Superset through its REST API, role by role: one database connection per
 * audience (Trino over HTTPS as that audience's SQL user, so Trino's rules and audit log apply to all Superset shows),
 * one virtual dataset and one chart per declared chart, one dashboard per declaration with its layout and Japanese
 * title, and per audience a Superset role (its database and datasets only) and a user. Each object is compared with
 * what Superset holds and written only when it differs, so a second publish changes nothing; objects the lake made
 * (marked as managed externally) whose declaration is gone are deleted. Objects made by hand in Superset are left alone.
 */
public final class DashboardPublisher {
    static final String SLUG_PREFIX = "ebpm-";
    static final String SCHEMA = "mart";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MASKED_PASSWORD = "XXXXXXXXXX";

    private final SupersetClient client;
    private final TrinoEndpoint trino;
    private final SqlUsers sqlUsers;
    private final Function<Role, String> audiencePasswords;
    private final Consumer<String> progress;
    private int created;
    private int updated;
    private int unchanged;
    private int deleted;

    /**
     * @param audiencePasswords the password of the Superset user of each audience, used when the user is created
     */
    public DashboardPublisher(SupersetClient client, TrinoEndpoint trino, SqlUsers sqlUsers, Function<Role, String> audiencePasswords,
            Consumer<String> progress) {
        this.client = requireNonNull(client, "client is null");
        this.trino = requireNonNull(trino, "trino is null");
        this.sqlUsers = requireNonNull(sqlUsers, "sqlUsers is null");
        this.audiencePasswords = requireNonNull(audiencePasswords, "audiencePasswords is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** The name of the database connection, the Superset role and the Superset user of an audience. */
    public static String databaseName(Role role) {
        return "lake_" + role.code();
    }

    public static String roleName(Role role) {
        return "lake_" + role.code();
    }

    public static String userName(Role role) {
        return role.code();
    }

    public static String slug(DashboardDeclaration dashboard) {
        return SLUG_PREFIX + dashboard.id();
    }

    public Publication publish(List<DashboardDeclaration> dashboards) {
        requireNonNull(dashboards, "dashboards is null");
        long started = System.nanoTime();
        created = 0;
        updated = 0;
        unchanged = 0;
        deleted = 0;
        Set<Role> audiences = new LinkedHashSet<>();
        for (DashboardDeclaration dashboard : dashboards) {
            audiences.add(Role.fromCode(dashboard.role()));
        }
        Map<Role, Long> databases = new LinkedHashMap<>();
        for (Role role : audiences) {
            databases.put(role, database(role));
        }
        Map<Role, Long> roles = new LinkedHashMap<>();
        for (Role role : audiences) {
            roles.put(role, role(role));
        }
        List<JsonNode> existingDatasets = client.list("/api/v1/dataset/");
        List<JsonNode> existingCharts = ownCharts();
        Map<String, Long> dashboardIds = new LinkedHashMap<>();
        Map<String, Long> chartIds = new LinkedHashMap<>();
        Map<String, Long> datasetIds = new LinkedHashMap<>();
        Map<Role, List<Long>> audienceDatasets = new LinkedHashMap<>();
        for (DashboardDeclaration dashboard : dashboards) {
            Role role = Role.fromCode(dashboard.role());
            long dashboardId = dashboard(dashboard);
            dashboardIds.put(dashboard.id(), dashboardId);
            List<DashboardLayout.Placed> placed = new ArrayList<>();
            for (ChartDeclaration declaration : dashboard.charts()) {
                SupersetChart chart = new SupersetChart(dashboard, declaration, trino.catalog());
                long datasetId = dataset(chart, databases.get(role), existingDatasets);
                long chartId = chart(chart, datasetId, temporalColumns(datasetId), dashboardId, existingCharts);
                datasetIds.put(chart.key(), datasetId);
                chartIds.put(chart.key(), chartId);
                audienceDatasets.computeIfAbsent(role, ignored -> new ArrayList<>()).add(datasetId);
                placed.add(new DashboardLayout.Placed(chartId, chart.title(), declaration.type()));
            }
            layout(dashboardId, dashboard, placed, roles.get(role));
        }
        deleteRemoved(dashboards, chartIds, datasetIds, existingCharts, existingDatasets);
        for (Role role : audiences) {
            grant(role, roles.get(role), databases.get(role), audienceDatasets.getOrDefault(role, List.of()));
            user(role, roles.get(role));
        }
        Publication publication = new Publication(created, updated, unchanged, deleted, dashboardIds, chartIds, datasetIds,
                Duration.ofNanos(System.nanoTime() - started));
        progress.accept(publication.summary());
        return publication;
    }

    // ---- databases: one per audience, Trino over HTTPS as the audience's SQL user ----

    private long database(Role role) {
        SqlUser user = sqlUsers.firstOf(role);
        String name = databaseName(role);
        String uri = "trino://" + encode(user.name()) + ":%s@127.0.0.1:" + trino.httpsPort() + "/" + trino.catalog();
        ObjectNode extra = JSON.createObjectNode();
        extra.putObject("engine_params").putObject("connect_args").put("http_scheme", "https").put("verify", trino.certificate().toString());
        extra.put("allows_virtual_table_explore", true);
        ObjectNode desired = JSON.createObjectNode().put("database_name", name).put("sqlalchemy_uri", uri.formatted(encode(user.password())))
                .put("expose_in_sqllab", true).put("allow_run_async", false).put("allow_dml", false).put("allow_ctas", false)
                .put("allow_cvas", false).put("allow_file_upload", false).put("extra", extra.toString());
        Optional<JsonNode> existing = client.list("/api/v1/database/").stream()
                .filter(database -> database.path("database_name").asText().equals(name)).findFirst();
        if (existing.isEmpty()) {
            progress.accept("Superset: データベース接続 / database " + name + " (Trino user " + user.name() + ")");
            created++;
            return client.post("/api/v1/database/", desired).path("id").asLong();
        }
        long id = existing.get().path("id").asLong();
        // The connection view holds the (masked) URI and extra; the plain one does not.
        JsonNode current = client.get("/api/v1/database/" + id + "/connection").path("result");
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("sqlalchemy_uri", current.path("sqlalchemy_uri").asText().equals(uri.formatted(MASKED_PASSWORD)));
        // Superset may add settings of its own to extra; what the lake sets must be there as set.
        same.put("extra", holds(parse(current.path("extra").asText("{}")), canonical(extra)));
        same.put("expose_in_sqllab", current.path("expose_in_sqllab").asBoolean());
        same.put("allow_dml", !current.path("allow_dml").asBoolean());
        if (unchanged(same, "database " + name)) {
            return id;
        }
        client.put("/api/v1/database/" + id, desired);
        return id;
    }

    // ---- datasets: one virtual dataset per chart, its SQL the chart's own query ----

    private long dataset(SupersetChart chart, long databaseId, List<JsonNode> existingDatasets) {
        Optional<JsonNode> existing = existingDatasets.stream().filter(dataset -> dataset.path("table_name").asText().equals(chart.datasetName()))
                .findFirst();
        if (existing.isEmpty()) {
            ObjectNode desired = JSON.createObjectNode().put("database", databaseId).put("schema", SCHEMA).put("table_name", chart.datasetName())
                    .put("sql", chart.sql()).put("is_managed_externally", true);
            created++;
            return client.post("/api/v1/dataset/", desired).path("id").asLong();
        }
        long id = existing.get().path("id").asLong();
        JsonNode current = client.get("/api/v1/dataset/" + id).path("result");
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("sql", current.path("sql").asText().equals(chart.sql()));
        same.put("database", current.path("database").path("id").asLong() == databaseId);
        same.put("schema", current.path("schema").asText().equals(SCHEMA));
        same.put("is_managed_externally", current.path("is_managed_externally").asBoolean());
        if (unchanged(same, "dataset " + chart.datasetName())) {
            return id;
        }
        client.put("/api/v1/dataset/" + id, JSON.createObjectNode().put("database_id", databaseId).put("schema", SCHEMA)
                .put("sql", chart.sql()).put("is_managed_externally", true));
        // The columns follow the new SQL only when Superset reads its result's columns again.
        client.put("/api/v1/dataset/" + id + "/refresh", JSON.createObjectNode());
        return id;
    }

    // ---- charts ----

    /** The charts the lake made: those whose form data names a declaration. */
    private List<JsonNode> ownCharts() {
        List<JsonNode> own = new ArrayList<>();
        for (JsonNode listed : client.list("/api/v1/chart/")) {
            JsonNode chart = client.get("/api/v1/chart/" + listed.path("id").asLong()).path("result");
            if (parse(chart.path("params").asText("{}")).has(SupersetChart.MARKER)) {
                own.add(chart);
            }
        }
        return own;
    }

    /** The columns of a dataset Superset reads as dates or times. */
    private Set<String> temporalColumns(long datasetId) {
        Set<String> temporal = new HashSet<>();
        for (JsonNode column : client.get("/api/v1/dataset/" + datasetId).path("result").path("columns")) {
            if (column.path("is_dttm").asBoolean()) {
                temporal.add(column.path("column_name").asText());
            }
        }
        return temporal;
    }

    private long chart(SupersetChart chart, long datasetId, Set<String> temporalColumns, long dashboardId, List<JsonNode> existingCharts) {
        ObjectNode formData = chart.formData(datasetId, temporalColumns);
        ObjectNode queryContext = chart.queryContext(datasetId, temporalColumns);
        ObjectNode desired = JSON.createObjectNode().put("slice_name", chart.title()).put("viz_type", formData.path("viz_type").asText())
                .put("datasource_id", datasetId).put("datasource_type", "table").put("params", formData.toString())
                .put("query_context", queryContext.toString()).put("description", chart.description()).put("is_managed_externally", true);
        desired.putArray("dashboards").add(dashboardId);
        Optional<JsonNode> existing = existingCharts.stream()
                .filter(current -> parse(current.path("params").asText("{}")).path(SupersetChart.MARKER).asText().equals(chart.key())).findFirst();
        if (existing.isEmpty()) {
            created++;
            return client.post("/api/v1/chart/", desired).path("id").asLong();
        }
        JsonNode current = existing.get();
        long id = current.path("id").asLong();
        Set<Long> onDashboards = new HashSet<>();
        current.path("dashboards").forEach(dashboard -> onDashboards.add(dashboard.path("id").asLong()));
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("slice_name", current.path("slice_name").asText().equals(chart.title()));
        same.put("viz_type", current.path("viz_type").asText().equals(formData.path("viz_type").asText()));
        same.put("description", current.path("description").asText().equals(chart.description()));
        same.put("params", parse(current.path("params").asText("{}")).equals(canonical(formData)));
        same.put("query_context", parse(current.path("query_context").asText("{}")).equals(canonical(queryContext)));
        same.put("dashboards", onDashboards.equals(Set.of(dashboardId)));
        if (!unchanged(same, "chart " + chart.key())) {
            client.put("/api/v1/chart/" + id, desired);
        }
        return id;
    }

    // ---- dashboards ----

    private long dashboard(DashboardDeclaration dashboard) {
        Optional<JsonNode> existing = client.getIfFound("/api/v1/dashboard/" + slug(dashboard)).map(found -> found.path("result"));
        if (existing.isPresent()) {
            return existing.get().path("id").asLong();
        }
        created++;
        ObjectNode desired = JSON.createObjectNode().put("dashboard_title", dashboard.title().ja()).put("slug", slug(dashboard))
                .put("published", true).put("is_managed_externally", true);
        return client.post("/api/v1/dashboard/", desired).path("id").asLong();
    }

    private void layout(long id, DashboardDeclaration dashboard, List<DashboardLayout.Placed> charts, long roleId) {
        ObjectNode layout = DashboardLayout.of(dashboard.title().ja(), charts);
        JsonNode current = client.get("/api/v1/dashboard/" + id).path("result");
        Set<Long> roles = new HashSet<>();
        current.path("roles").forEach(role -> roles.add(role.path("id").asLong()));
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("dashboard_title", current.path("dashboard_title").asText().equals(dashboard.title().ja()));
        same.put("position_json", parse(current.path("position_json").asText("{}")).equals(canonical(layout)));
        same.put("published", current.path("published").asBoolean());
        same.put("roles", roles.equals(Set.of(roleId)));
        if (unchanged(same, "dashboard " + dashboard.id())) {
            return;
        }
        ObjectNode desired = JSON.createObjectNode().put("dashboard_title", dashboard.title().ja()).put("slug", slug(dashboard))
                .put("published", true).put("position_json", layout.toString()).put("is_managed_externally", true);
        desired.putArray("roles").add(roleId);
        client.put("/api/v1/dashboard/" + id, desired);
    }

    private void deleteRemoved(List<DashboardDeclaration> dashboards, Map<String, Long> chartIds, Map<String, Long> datasetIds,
            List<JsonNode> existingCharts, List<JsonNode> existingDatasets) {
        for (JsonNode chart : existingCharts) {
            if (!chartIds.containsValue(chart.path("id").asLong())) {
                progress.accept("Superset: 定義にないチャートを削除 / deleting chart " + chart.path("slice_name").asText());
                client.delete("/api/v1/chart/" + chart.path("id").asLong());
                deleted++;
            }
        }
        for (JsonNode dataset : existingDatasets) {
            long id = dataset.path("id").asLong();
            boolean ours = dataset.path("table_name").asText().contains("__") && client.get("/api/v1/dataset/" + id).path("result")
                    .path("is_managed_externally").asBoolean();
            if (ours && !datasetIds.containsValue(id)) {
                client.delete("/api/v1/dataset/" + id);
                deleted++;
            }
        }
        Set<String> slugs = new HashSet<>();
        dashboards.forEach(dashboard -> slugs.add(slug(dashboard)));
        for (JsonNode dashboard : client.list("/api/v1/dashboard/")) {
            String slug = dashboard.path("slug").asText("");
            if (slug.startsWith(SLUG_PREFIX) && !slugs.contains(slug)) {
                progress.accept("Superset: 定義にないダッシュボードを削除 / deleting dashboard " + dashboard.path("dashboard_title").asText());
                client.delete("/api/v1/dashboard/" + dashboard.path("id").asLong());
                deleted++;
            }
        }
    }

    // ---- roles and users: an audience sees its own database and datasets, nothing else ----

    private long role(Role role) {
        String name = roleName(role);
        Optional<JsonNode> existing = client.list("/api/v1/security/roles/").stream().filter(found -> found.path("name").asText().equals(name))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get().path("id").asLong();
        }
        created++;
        return client.post("/api/v1/security/roles/", JSON.createObjectNode().put("name", name)).path("id").asLong();
    }

    private void grant(Role role, long roleId, long databaseId, List<Long> datasetIds) {
        String database = "[" + databaseName(role) + "]";
        Set<Long> desired = new HashSet<>();
        for (JsonNode permission : client.list("/api/v1/security/permissions-resources/")) {
            String kind = permission.path("permission").path("name").asText();
            String view = permission.path("view_menu").path("name").asText();
            boolean databaseAccess = kind.equals("database_access") && view.equals(database + ".(id:" + databaseId + ")");
            boolean datasetAccess = kind.equals("datasource_access") && view.startsWith(database + ".[")
                    && datasetIds.stream().anyMatch(id -> view.endsWith("(id:" + id + ")"));
            if (databaseAccess || datasetAccess) {
                desired.add(permission.path("id").asLong());
            }
        }
        if (desired.size() != 1 + new HashSet<>(datasetIds).size()) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Superset has not (yet) the permissions of database " + database
                    + " and its " + datasetIds.size() + " datasets: found " + desired.size());
        }
        Set<Long> current = new HashSet<>();
        client.get("/api/v1/security/roles/" + roleId + "/permissions/").path("result").forEach(found -> current.add(found.path("id").asLong()));
        if (unchanged(Map.of("permissions", current.equals(desired)), "role " + roleName(role))) {
            return;
        }
        ArrayNode ids = JSON.createArrayNode();
        desired.stream().sorted().forEach(ids::add);
        client.post("/api/v1/security/roles/" + roleId + "/permissions", JSON.createObjectNode().set("permission_view_menu_ids", ids));
    }

    /** The audience's user: Superset's read-only base role (Gamma), SQL Lab, and the audience's role. */
    private void user(Role role, long roleId) {
        Map<String, Long> roleIds = new LinkedHashMap<>();
        client.list("/api/v1/security/roles/").forEach(found -> roleIds.put(found.path("name").asText(), found.path("id").asLong()));
        Set<Long> desiredRoles = Set.of(required(roleIds, "Gamma"), required(roleIds, "sql_lab"), roleId);
        String name = userName(role);
        Optional<JsonNode> existing = client.list("/api/v1/security/users/").stream().filter(found -> found.path("username").asText().equals(name))
                .findFirst();
        ArrayNode roles = JSON.createArrayNode();
        desiredRoles.stream().sorted().forEach(roles::add);
        if (existing.isEmpty()) {
            created++;
            ObjectNode user = JSON.createObjectNode().put("username", name).put("first_name", role.labelJa()).put("last_name", role.code())
                    .put("email", name + "@localhost").put("active", true).put("password", audiencePasswords.apply(role));
            user.set("roles", roles);
            client.post("/api/v1/security/users/", user);
            return;
        }
        Set<Long> current = new HashSet<>();
        existing.get().path("roles").forEach(found -> current.add(found.path("id").asLong()));
        if (unchanged(Map.of("roles", current.equals(desiredRoles)), "user " + name)) {
            return;
        }
        client.put("/api/v1/security/users/" + existing.get().path("id").asLong(), JSON.createObjectNode().set("roles", roles));
    }

    private static long required(Map<String, Long> roleIds, String name) {
        Long id = roleIds.get(name);
        if (id == null) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Superset has no role " + name + ": run ./lake services up superset again");
        }
        return id;
    }

    /**
     * Counts the object as unchanged when every compared field is the same; otherwise as updated, saying which fields
     * differ (the caller then writes it).
     */
    private boolean unchanged(Map<String, Boolean> same, String object) {
        List<String> differing = same.entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey).toList();
        if (differing.isEmpty()) {
            unchanged++;
            return true;
        }
        updated++;
        progress.accept("Superset: 更新 / updating " + object + " (" + String.join(", ", differing) + ")");
        return false;
    }

    /** Whether {@code current} has every field of {@code desired} with the same value (objects compared field by field). */
    private static boolean holds(JsonNode current, JsonNode desired) {
        if (!desired.isObject()) {
            return desired.equals(current);
        }
        for (java.util.Iterator<Map.Entry<String, JsonNode>> fields = desired.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!holds(current.path(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The JSON as Superset gives it back: numbers as parsed from text (an id written as a long reads back as an int). */
    private static JsonNode canonical(JsonNode json) {
        return parse(json.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unparsable", json);
        }
    }
}
