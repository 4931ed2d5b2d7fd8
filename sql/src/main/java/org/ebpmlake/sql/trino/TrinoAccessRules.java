package org.ebpmlake.sql.trino;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.SqlUser;
import org.ebpmlake.sql.access.SqlUsers;
import org.ebpmlake.sql.access.TableGrant;

/**
 * Renders {@link Role} into Trino's file-based system access control ({@code rules.json}), so both engines follow
 * one declaration. What each section closes:
 * <ul>
 *   <li>{@code catalogs}, {@code tables}: each role reads its grants in the lake's catalog and nothing else; the
 *       {@code system} catalog's {@code jdbc} and {@code metadata} schemas stay readable, because JDBC tools and
 *       Superset browse through them (Trino filters their rows to the tables the user may read). Every grant also
 *       carries {@code OWNERSHIP}, the privilege Trino asks for {@code SHOW CREATE TABLE}: the lake's catalog itself
 *       is read-only at the connector ({@code iceberg.security=read_only}), so ownership opens no write, drop or
 *       table procedure.</li>
 *   <li>{@code procedures}: snapshot procedures ({@code CALL <catalog>.system.*}) only for stewards, and only in the
 *       stewards' maintenance catalog, the one catalog whose connector allows table procedures
 *       ({@code ALTER TABLE … EXECUTE}); everyone may call {@code kill_query}, which the query rules limit to their
 *       own queries.</li>
 *   <li>{@code queries}: a user sees and kills only their own queries (the REST query list included); stewards see
 *       and kill all.</li>
 *   <li>{@code system_session_properties}: properties that change resource limits only for stewards.</li>
 *   <li>{@code system_information}: node and thread endpoints only for stewards; no impersonation rules, so nobody
 *       runs a query as another user.</li>
 * </ul>
 */
final class TrinoAccessRules {
    /** System session properties that raise or lower what a query may consume: stewards only. */
    static final String RESOURCE_LIMIT_PROPERTIES = "query_max_.*|resource_overcommit|query_priority|.*memory.*|.*concurrency.*"
            + "|.*_limit|max_.*|.*timeout.*|.*partition_count.*|spill_enabled|task_.*|writer_.*|retry_policy";
    private static final String BROWSABLE_SYSTEM_SCHEMAS = "jdbc|metadata";

    private final String catalogName;
    private final String maintenanceCatalogName;
    private final SqlUsers users;

    TrinoAccessRules(String catalogName, String maintenanceCatalogName, SqlUsers users) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.maintenanceCatalogName = requireNonNull(maintenanceCatalogName, "maintenanceCatalogName is null");
        this.users = requireNonNull(users, "users is null");
    }

    String render() {
        String stewards = members(Role.STEWARD);
        List<Map<String, Object>> catalogs = new ArrayList<>();
        List<Map<String, Object>> schemas = new ArrayList<>();
        List<Map<String, Object>> tables = new ArrayList<>();
        if (!stewards.isEmpty()) {
            catalogs.add(rule("user", stewards, "catalog", maintenanceCatalogName, "allow", "all"));
            tables.add(rule("user", stewards, "catalog", maintenanceCatalogName, "privileges", List.of("SELECT")));
            tables.add(rule("user", stewards, "catalog", "system", "privileges", List.of("SELECT")));
        }
        for (Role role : Role.values()) {
            String members = members(role);
            if (members.isEmpty()) {
                continue;
            }
            catalogs.add(rule("user", members, "catalog", catalogName, "allow", "all"));
            for (TableGrant grant : role.grants()) {
                schemas.add(rule("user", members, "catalog", catalogName, "schema", grant.zone().namespace(), "owner", false));
                tables.add(rule("user", members, "catalog", catalogName, "schema", grant.zone().namespace(),
                        "table", grant.tablePattern(), "privileges", List.of("SELECT", "OWNERSHIP")));
            }
        }
        catalogs.add(rule("catalog", "system", "allow", "read-only"));
        tables.add(rule("catalog", "system", "schema", BROWSABLE_SYSTEM_SCHEMAS, "privileges", List.of("SELECT")));

        List<Map<String, Object>> procedures = new ArrayList<>();
        List<Map<String, Object>> queries = new ArrayList<>();
        List<Map<String, Object>> sessionProperties = new ArrayList<>();
        List<Map<String, Object>> systemInformation = new ArrayList<>();
        if (!stewards.isEmpty()) {
            procedures.add(rule("user", stewards, "catalog", maintenanceCatalogName, "schema", "system", "privileges", List.of("EXECUTE")));
            queries.add(rule("user", stewards, "allow", List.of("execute", "view", "kill")));
            sessionProperties.add(rule("user", stewards, "allow", true));
            systemInformation.add(rule("user", stewards, "allow", List.of("read")));
        }
        procedures.add(rule("catalog", "system", "schema", "runtime", "procedure", "kill_query", "privileges", List.of("EXECUTE")));
        queries.add(rule("allow", List.of("execute")));
        sessionProperties.add(rule("property", RESOURCE_LIMIT_PROPERTIES, "allow", false));
        sessionProperties.add(rule("allow", true));

        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("catalogs", catalogs);
        rules.put("schemas", schemas);
        rules.put("tables", tables);
        rules.put("procedures", procedures);
        rules.put("queries", queries);
        rules.put("system_session_properties", sessionProperties);
        rules.put("system_information", systemInformation);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render Trino's access rules", e);
        }
    }

    /** A regular expression matching exactly the users of a role (user names are quoted, never patterns). */
    private String members(Role role) {
        return users.all().stream().filter(user -> user.role() == role).map(SqlUser::name).map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    private static Map<String, Object> rule(Object... keysAndValues) {
        Map<String, Object> rule = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            rule.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return rule;
    }
}
