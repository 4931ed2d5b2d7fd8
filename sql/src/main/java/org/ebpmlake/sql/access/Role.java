package org.ebpmlake.sql.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.PrivacyTier;
import org.ebpmlake.schemas.Zone;

/**
 * The roles of the SQL services and what each may read. One definition serves both engines: it is
 * rendered into Trino's file-based access rules and checked against the tables of an embedded Spark SQL
 * query, so the two can never disagree.
 */
public enum Role {
    /** Policy planners: de-identified data and marts, never raw or curated. */
    PLANNER("政策立案者", List.of(new TableGrant(Zone.DEID, ".*"), new TableGrant(Zone.MART, ".*"))),
    /** The school board: education marts only. */
    SCHOOL_BOARD("教育委員会", List.of(new TableGrant(Zone.MART, "education_.*"))),
    /** The DX office: KPI marts only. */
    DX_OFFICE("DX推進担当", List.of(new TableGrant(Zone.MART, "kpi_.*"))),
    /**
     * Recipients outside the city's own analysts (researchers, contractors receiving 匿名加工情報): de-identified
     * tables of the anonymised tier only.
     */
    PARTNER("外部提供先", List.of(new TableGrant(Zone.DEID, ".*"))),
    /** Data stewards: every zone, raw included. */
    STEWARD("データスチュワード", List.of(new TableGrant(Zone.RAW, ".*"), new TableGrant(Zone.CURATED, ".*"),
            new TableGrant(Zone.DEID, ".*"), new TableGrant(Zone.MART, ".*"), new TableGrant(Zone.OPS, ".*"))),
    /**
     * A school's staff: the early-warning rows of their own school only (the user's department is the school code),
     * through Trino's row filter; nothing else, and nothing at all in the embedded Spark SQL shell.
     */
    SCHOOL_STAFF("学校職員", List.of(), List.of(new RowFilteredGrant(Zone.CURATED, "early_warning", "school_code")));

    private final String labelJa;
    private final List<TableGrant> grants;
    private final List<RowFilteredGrant> rowFilteredGrants;

    Role(String labelJa, List<TableGrant> grants) {
        this(labelJa, grants, List.of());
    }

    Role(String labelJa, List<TableGrant> grants, List<RowFilteredGrant> rowFilteredGrants) {
        this.labelJa = labelJa;
        this.grants = List.copyOf(grants);
        this.rowFilteredGrants = List.copyOf(rowFilteredGrants);
    }

    public List<TableGrant> grants() {
        return grants;
    }

    /** Tables the role reads only in part, its own rows, through Trino. */
    public List<RowFilteredGrant> rowFilteredGrants() {
        return rowFilteredGrants;
    }

    public String labelJa() {
        return labelJa;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canRead(String namespace, String table) {
        return grants.stream().anyMatch(grant -> grant.zone().namespace().equals(namespace)
                && Pattern.matches(grant.tablePattern(), table));
    }

    /** The message a denied reader sees, in both languages. */
    public String denial(String namespace, String table) {
        return "アクセス拒否：ロール " + code() + "（" + labelJa + "）は " + namespace + "." + table + " を参照できません。"
                + readable() + " / Access denied: role " + code() + " cannot read " + namespace + "." + table + ".";
    }

    /** What the role may read, in both languages. */
    public String readable() {
        List<String> described = new java.util.ArrayList<>(grants.stream().map(TableGrant::describe).toList());
        rowFilteredGrants.forEach(grant -> described.add(grant.describe()));
        String allowed = String.join(", ", described);
        return "参照できるのは " + allowed + " です（it reads " + allowed + " only）。";
    }

    /**
     * The privacy tiers of deid tables the role may read: 仮名加工情報 (pseudonymised) is for the city's own
     * analysts only, so a deid table is readable when a grant matches its name and its tier is one of these.
     * Both engines check it: embedded Spark SQL against the table's {@value PrivacyTier#TABLE_PROPERTY} property,
     * Trino through rules rendered per table from the policies' tiers ({@link #deidTablesReadable}).
     */
    public Set<PrivacyTier> tiers() {
        return switch (this) {
            case PLANNER, STEWARD -> EnumSet.allOf(PrivacyTier.class);
            case SCHOOL_BOARD, DX_OFFICE, PARTNER, SCHOOL_STAFF -> EnumSet.of(PrivacyTier.ANONYMISED);
        };
    }

    /** Whether the role may read the table, given the tier a deid table carries (none for other zones). */
    public boolean canRead(String namespace, String table, Optional<PrivacyTier> tier) {
        if (!canRead(namespace, table)) {
            return false;
        }
        if (!Zone.DEID.namespace().equals(namespace)) {
            return true;
        }
        // A deid table that does not say its tier is read as the most restricted one.
        return tiers().contains(tier.orElse(PrivacyTier.PSEUDONYMISED));
    }

    /**
     * Of the deid tables and their tiers, the names this role may read, for rules that can only name tables
     * (Trino's): a grant of {@code deid.*} then covers only the tables of the role's tiers.
     */
    public List<String> deidTablesReadable(Map<String, PrivacyTier> deidTables) {
        return deidTables.entrySet().stream()
                .filter(entry -> canRead(Zone.DEID.namespace(), entry.getKey(), Optional.of(entry.getValue())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    public static Role fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCategory.UNKNOWN_NAME, "ロール '" + code + "' はありません / unknown role '" + code
                    + "': one of " + String.join(", ", java.util.Arrays.stream(values()).map(Role::code).toList()), e);
        }
    }
}
