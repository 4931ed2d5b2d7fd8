package org.ebpmlake.reference;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVRecord;

/** Reads the reviewed KPI catalogue of the action plan, {@code kpi/action-plan-kpis.csv}. */
public final class KpiCatalogFile {
    public static final String RESOURCE = "kpi/action-plan-kpis.csv";

    private KpiCatalogFile() {
    }

    public static List<KpiDefinition> load() {
        return ResourceCsv.read(RESOURCE).stream().map(KpiCatalogFile::definition).toList();
    }

    private static KpiDefinition definition(CSVRecord record) {
        try {
            return new KpiDefinition(
                    record.get("kpi_id"),
                    record.get("value_area"),
                    record.get("value_area_title_ja"),
                    Integer.parseInt(record.get("measure_no")),
                    record.get("measure_title_ja"),
                    record.get("kpi_text_ja"),
                    record.get("kpi_text_en"),
                    record.get("unit"),
                    optionalDouble(record.get("baseline_value")),
                    record.get("baseline_text"),
                    record.get("baseline_period"),
                    optionalDouble(record.get("target_value")),
                    record.get("target_text"),
                    optionalInt(record.get("target_fiscal_year")),
                    KpiDirection.fromCatalog(record.get("direction")),
                    record.get("kind"),
                    record.get("kgi_text_ja"),
                    optionalInt(record.get("source_line")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RESOURCE + " line " + (record.getRecordNumber() + 1) + ": " + e.getMessage(), e);
        }
    }

    private static OptionalDouble optionalDouble(String value) {
        if (value.isBlank()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(value.trim()));
    }

    private static OptionalInt optionalInt(String value) {
        if (value.isBlank()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value.trim()));
    }
}
