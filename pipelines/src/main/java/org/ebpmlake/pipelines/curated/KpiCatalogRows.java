package org.ebpmlake.pipelines.curated;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.ebpmlake.reference.KpiDefinition;
import org.ebpmlake.reference.KpiDirection;

/** Reads and writes a {@link KpiDefinition} as a row of {@code curated.kpi_catalog}, in the declared column order. */
public final class KpiCatalogRows {
    private KpiCatalogRows() {
    }

    public static Row toRow(KpiDefinition kpi) {
        requireNonNull(kpi, "kpi is null");
        return RowFactory.create(kpi.kpiId(), kpi.valueArea(), kpi.valueAreaTitleJa(), kpi.measureNo(), kpi.measureTitleJa(),
                kpi.kpiTextJa(), kpi.kpiTextEn(), kpi.unit(),
                boxed(kpi.baselineValue()), kpi.baselineText(), kpi.baselinePeriod(),
                boxed(kpi.targetValue()), kpi.targetText(), boxed(kpi.targetFiscalYear()),
                kpi.direction().catalogName(), kpi.kind(), kpi.kgiTextJa(), boxed(kpi.sourceLine()));
    }

    public static KpiDefinition fromRow(Row row) {
        requireNonNull(row, "row is null");
        return new KpiDefinition(
                row.getAs("kpi_id"), row.getAs("value_area"), row.getAs("value_area_title_ja"),
                row.<Integer>getAs("measure_no"), row.getAs("measure_title_ja"),
                text(row, "kpi_text_ja"), text(row, "kpi_text_en"), text(row, "unit"),
                optionalDouble(row, "baseline_value"), text(row, "baseline_text"), text(row, "baseline_period"),
                optionalDouble(row, "target_value"), text(row, "target_text"), optionalInt(row, "target_fiscal_year"),
                KpiDirection.fromCatalog(row.getAs("direction")), row.getAs("kind"), text(row, "kgi_text_ja"),
                optionalInt(row, "source_line"));
    }

    private static String text(Row row, String column) {
        String value = row.getAs(column);
        return value == null ? "" : value;
    }

    private static OptionalDouble optionalDouble(Row row, String column) {
        Double value = row.getAs(column);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static OptionalInt optionalInt(Row row, String column) {
        Integer value = row.getAs(column);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
