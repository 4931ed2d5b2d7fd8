package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_timestamp;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A device's visit to the Midosuji area on one day, from its first to its last ping: the unit of the KPI
 * "回遊人口の割合" (share of visitors who stay 15 to 180 minutes). Days are Asia/Tokyo days (the session
 * time zone). One definition for the mart and the KPI, so the two cannot disagree.
 */
public final class DwellSessions {
    public static final int SHORTEST_STAY_MINUTES = 15;
    public static final int LONGEST_STAY_MINUTES = 180;

    private DwellSessions() {
    }

    /** Columns: visit_date, device, dwell_minutes. */
    public static Dataset<Row> of(Dataset<Row> curatedPings) {
        requireNonNull(curatedPings, "curatedPings is null");
        return sessions(curatedPings, List.of());
    }

    /**
     * A device's stay in one place on one day, the place given by a column of the pings (a half mesh): columns
     * visit_date, the place column, device, dwell_minutes.
     */
    public static Dataset<Row> perPlace(Dataset<Row> pings, String placeColumn) {
        requireNonNull(pings, "pings is null");
        requireNonNull(placeColumn, "placeColumn is null");
        return sessions(pings, List.of(placeColumn));
    }

    private static Dataset<Row> sessions(Dataset<Row> pings, List<String> placeColumns) {
        List<Column> keys = new ArrayList<>();
        keys.add(to_date(col("pinged_at")).as("visit_date"));
        placeColumns.forEach(place -> keys.add(col(place)));
        keys.add(col("device_hash_pseudonym").as("device"));
        List<Column> output = new ArrayList<>(List.of(col("visit_date")));
        placeColumns.forEach(place -> output.add(col(place)));
        output.add(col("device"));
        output.add(unix_timestamp(col("last_ping")).minus(unix_timestamp(col("first_ping"))).divide(60.0).as("dwell_minutes"));
        return pings.groupBy(keys.toArray(Column[]::new))
                .agg(min("pinged_at").as("first_ping"), max("pinged_at").as("last_ping"))
                .select(output.toArray(Column[]::new));
    }

    /** Whether a session is one of the 回遊 (strolling) stays the KPI counts. */
    public static Column strolling() {
        return col("dwell_minutes").between(SHORTEST_STAY_MINUTES, LONGEST_STAY_MINUTES);
    }
}
