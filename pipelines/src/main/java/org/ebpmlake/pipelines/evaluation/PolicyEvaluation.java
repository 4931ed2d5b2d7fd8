package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;

/**
 * Carries out a declared evaluation on the lake: reads the table at its current snapshot (recorded with the result, so
 * the estimate can be reproduced with {@code VERSION AS OF}), takes each unit's mean of the metric per period, and
 * estimates the difference-in-differences. Days on or after the intervention that fall in a period begun before it are
 * left out, so no period mixes days before and after.
 */
public final class PolicyEvaluation {
    private final SparkSession spark;
    private final LakeSettings settings;

    public PolicyEvaluation(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public EvaluationOutcome evaluate(EvaluationDeclaration declaration) {
        requireNonNull(declaration, "declaration is null");
        Table table = table(declaration);
        Snapshot snapshot = table.currentSnapshot();
        if (snapshot == null) {
            throw new LakeException(ErrorCategory.LAKE_NOT_BUILT, "evaluation " + declaration.id() + ": " + declaration.table()
                    + " has no data yet; run ./lake run first");
        }
        Column day = dayColumn(declaration, table);
        Type metricType = columnType(declaration, table, declaration.metric(), "metric");
        if (!metricType.isPrimitiveType() || !(metricType instanceof Types.IntegerType || metricType instanceof Types.LongType
                || metricType instanceof Types.DoubleType || metricType instanceof Types.FloatType || metricType instanceof Types.DecimalType)) {
            throw invalid(declaration, "metric '" + declaration.metric() + "' is not a number (" + metricType + ")");
        }
        columnType(declaration, table, declaration.unitColumn(), "unit");
        Dataset<Row> rows = spark.sql("SELECT * FROM " + declaration.table().in(settings.catalogName()) + " VERSION AS OF "
                + snapshot.snapshotId());
        for (Map.Entry<String, String> filter : declaration.where().entrySet()) {
            columnType(declaration, table, filter.getKey(), "where");
            rows = rows.where(col(filter.getKey()).cast("string").equalTo(lit(filter.getValue())));
        }
        Set<String> units = new LinkedHashSet<>(declaration.treatedUnits());
        units.addAll(declaration.comparisonUnits());
        Column unit = col(declaration.unitColumn()).cast("string");
        rows = rows.where(col(declaration.metric()).isNotNull().and(unit.isNotNull()))
                .withColumn("evaluation_day", day)
                .where(col("evaluation_day").between(Date.valueOf(declaration.from()), Date.valueOf(declaration.to())));
        if (!declaration.comparisonUnits().isEmpty()) {
            rows = rows.where(unit.isin(units.toArray()));
        }
        List<Row> sums = rows.groupBy(unit.as("unit"), col("evaluation_day"))
                .agg(sum(col(declaration.metric()).cast("double")).as("total"), count(lit(1)).as("rows"))
                .collectAsList();
        Panel panel = panel(declaration, sums);
        DidResult result = new DifferenceInDifferences(declaration.confidence()).estimate(panel);
        return new EvaluationOutcome(declaration, snapshot.snapshotId(), panel, result);
    }

    private Table table(EvaluationDeclaration declaration) {
        Catalog catalog = LakeSession.icebergCatalog(spark, settings);
        try {
            return catalog.loadTable(declaration.table().identifier());
        } catch (NoSuchTableException e) {
            throw new LakeException(ErrorCategory.LAKE_NOT_BUILT, "evaluation " + declaration.id() + ": table " + declaration.table()
                    + " does not exist; run ./lake run first", e);
        }
    }

    /** The day each row describes: a date, the day of a timestamp, or 1 April of a whole-number fiscal year. */
    private static Column dayColumn(EvaluationDeclaration declaration, Table table) {
        Type type = columnType(declaration, table, declaration.timeColumn(), "time");
        Column time = col(declaration.timeColumn());
        if (type instanceof Types.DateType) {
            return time;
        }
        if (type instanceof Types.TimestampType) {
            return to_date(time);
        }
        if (type instanceof Types.IntegerType || type instanceof Types.LongType) {
            if (declaration.period() != PeriodLength.FISCAL_YEAR) {
                throw invalid(declaration, "time '" + declaration.timeColumn() + "' is a whole number, read as a fiscal year, so period must be fiscal_year");
            }
            return make_date(time.cast("int"), lit(4), lit(1));
        }
        throw invalid(declaration, "time '" + declaration.timeColumn() + "' must be a date, a timestamp or a fiscal year, not " + type);
    }

    private static Type columnType(EvaluationDeclaration declaration, Table table, String column, String field) {
        Types.NestedField found = table.schema().findField(column);
        if (found == null) {
            throw invalid(declaration, field + ": " + declaration.table() + " has no column '" + column + "'; its columns: "
                    + String.join(", ", table.schema().columns().stream().map(Types.NestedField::name).toList()));
        }
        return found.type();
    }

    /** One unit in one period, ordered by unit and then time, so a panel's observations come out in a stable order. */
    private record UnitPeriod(String unit, LocalDate start) implements Comparable<UnitPeriod> {
        @Override
        public int compareTo(UnitPeriod other) {
            int byUnit = unit.compareTo(other.unit);
            return byUnit != 0 ? byUnit : start.compareTo(other.start);
        }
    }

    private static Panel panel(EvaluationDeclaration declaration, List<Row> sums) {
        LocalDate firstTreatedStart = declaration.firstTreatedPeriodStart();
        // Per unit and period: the metric's total and the number of rows it sums.
        Map<UnitPeriod, double[]> totals = new TreeMap<>();
        TreeSet<LocalDate> starts = new TreeSet<>();
        for (Row row : sums) {
            LocalDate day = localDate(row.get(1));
            if (!day.isBefore(declaration.interventionDate()) && day.isBefore(firstTreatedStart)) {
                continue;
            }
            LocalDate start = declaration.period().startOf(day);
            starts.add(start);
            double[] total = totals.computeIfAbsent(new UnitPeriod(row.getString(0), start), key -> new double[2]);
            total[0] += row.getDouble(2);
            total[1] += row.getLong(3);
        }
        List<LocalDate> periodStarts = List.copyOf(starts);
        int firstTreated = 0;
        while (firstTreated < periodStarts.size() && periodStarts.get(firstTreated).isBefore(firstTreatedStart)) {
            firstTreated++;
        }
        List<PanelObservation> observations = new ArrayList<>();
        Set<String> treated = new TreeSet<>();
        for (Map.Entry<UnitPeriod, double[]> entry : totals.entrySet()) {
            UnitPeriod key = entry.getKey();
            double mean = entry.getValue()[0] / entry.getValue()[1];
            if (!declaration.transform().accepts(mean)) {
                throw invalid(declaration, "unit " + key.unit() + " has a mean of " + mean + " in the period from " + key.start()
                        + ", which the " + declaration.transform().declaredName() + " transform cannot take");
            }
            if (declaration.treatedUnits().contains(key.unit())) {
                treated.add(key.unit());
            }
            observations.add(new PanelObservation(key.unit(), periodStarts.indexOf(key.start()), declaration.transform().apply(mean)));
        }
        List<String> labels = periodStarts.stream().map(declaration.period()::label).toList();
        return new Panel(periodStarts, labels, firstTreated, treated, observations);
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static LakeException invalid(EvaluationDeclaration declaration, String reason) {
        return new LakeException(ErrorCategory.INVALID_FILE, "evaluation " + declaration.id() + ": " + reason);
    }
}
