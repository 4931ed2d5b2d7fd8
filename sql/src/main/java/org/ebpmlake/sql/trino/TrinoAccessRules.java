package org.ebpmlake.sql.trino;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.PrivacyTier;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.RowFilteredGrant;
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
    private final Map<String, PrivacyTier> deidTiers;

    /** @param deidTiers every deid table's privacy tier, as its policy declares it */
    TrinoAccessRules(String catalogName, String maintenanceCatalogName, SqlUsers users, Map<String, PrivacyTier> deidTiers) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.maintenanceCatalogName = requireNonNull(maintenanceCatalogName, "maintenanceCatalogName is null");
        this.users = requireNonNull(users, "users is null");
        this.deidTiers = Map.copyOf(requireNonNull(deidTiers, "deidTiers is null"));
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
                Optional<String> tablePattern = tablePattern(role, grant);
                if (tablePattern.isEmpty()) {
                    continue;
                }
                schemas.add(rule("user", members, "catalog", catalogName, "schema", grant.zone().namespace(), "owner", false));
                tables.add(rule("user", members, "catalog", catalogName, "schema", grant.zone().namespace(),
                        "table", tablePattern.get(), "privileges", List.of("SELECT", "OWNERSHIP")));
            }
        }
        addRowFilterRules(schemas, tables);
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

    /**
     * The tables a grant opens in Trino's terms. Trino's rules can only name tables, not their properties, so a deid
     * grant names exactly the deid tables of the tiers the role may read (none: no rule at all).
     */
    private Optional<String> tablePattern(Role role, TableGrant grant) {
        if (grant.zone() != Zone.DEID || role.tiers().containsAll(EnumSet.allOf(PrivacyTier.class))) {
            return Optional.of(grant.tablePattern());
        }
        List<String> readable = role.deidTablesReadable(deidTiers).stream()
                .filter(table -> table.matches(grant.tablePattern())).map(Pattern::quote).toList();
        if (readable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("|", readable));
    }

    /**
     * One rule per user of a role with row-filtered grants (school staff): SELECT on the table, filtered to the rows
     * whose column equals the user's department (their school's code), so one school's staff read no other school's row.
     */
    void addRowFilterRules(List<Map<String, Object>> schemas, List<Map<String, Object>> tables) {
        for (SqlUser user : users.all()) {
            for (RowFilteredGrant grant : user.role().rowFilteredGrants()) {
                if (!user.department().matches("[A-Za-z0-9_-]+")) {
                    throw new LakeException(ErrorCategory.INVALID_FILE, "SQLユーザー " + user.name() + " の所属 '" + user.department()
                            + "' は行フィルタに使えません / user " + user.name() + " of role " + user.role().code()
                            + " needs a code as department (for school staff, the 13-character school code); fix the users file");
                }
                String member = Pattern.quote(user.name());
                schemas.add(rule("user", member, "catalog", catalogName, "schema", grant.zone().namespace(), "owner", false));
                tables.add(rule("user", member, "catalog", catalogName, "schema", grant.zone().namespace(), "table", grant.table(),
                        "privileges", List.of("SELECT"), "filter", grant.column() + " = '" + user.department() + "'"));
            }
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
