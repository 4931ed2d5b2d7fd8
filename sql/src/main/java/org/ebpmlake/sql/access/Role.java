package org.ebpmlake.sql.access;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
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

    public static Role fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCategory.UNKNOWN_NAME, "ロール '" + code + "' はありません / unknown role '" + code
                    + "': one of " + String.join(", ", java.util.Arrays.stream(values()).map(Role::code).toList()), e);
        }
    }
}
