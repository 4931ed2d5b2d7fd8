package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * {@code mart.kpi_actuals}: every KPI figure with its source — the departments' reports, and the figures
 * the lake derives from its own tables ({@link DerivedKpi}): the My Number card rate (registry), the share of
 * schools using devices every school day (learning logs), the teachers' positive ICT-skills answers (survey),
 * the share of Midosuji visitors staying 15 to 180 minutes (GPS), and, where {@code lake.kpi.department-count}
 * is set, the share of departments using the data environment (SQL audit log).
 */
public final class KpiActualsMart {
    public static final TableName TABLE = new TableName(Zone.MART, "kpi_actuals");

    private final SparkSession spark;
    private final LakeSettings settings;
    private final List<DerivedKpi> derived;

    public KpiActualsMart(SparkSession spark, LakeSettings settings, LocalDate asOf) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        List<DerivedKpi> kpis = new ArrayList<>(List.of(new MyNumberCardRate(requireNonNull(asOf, "asOf is null")),
                new DailyDeviceUse(), new TeacherIctSkills(), new StrollingVisitorShare()));
        int departments = settings.intOption("lake.kpi.department-count", 0);
        if (departments > 0) {
            kpis.add(new DepartmentsUsingData(departments));
        }
        this.derived = List.copyOf(kpis);
    }

    public StageOutput build() {
        String catalog = settings.catalogName();
        Dataset<Row> actuals = spark.table(new TableName(Zone.CURATED, "kpi_actuals_reported").in(catalog))
                .select(col("kpi_id"), col("fiscal_year"), col("actual_value"), lit("reported").as("source"));
        for (DerivedKpi kpi : derived) {
            actuals = actuals.unionByName(kpi.actuals(spark, catalog));
        }
        String table = TABLE.in(catalog);
        TableWrites.replaceAll(actuals, table);
        long rows = spark.table(table).count();
        return StageOutput.succeeded(rows, rows, derived.size() + " KPIs derived");
    }
}
