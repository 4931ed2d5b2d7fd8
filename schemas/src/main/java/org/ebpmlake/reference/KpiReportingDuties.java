package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/** Every KPI's reporting duty, read from {@code kpi/reporting-duties.csv} (see the README beside it). */
public final class KpiReportingDuties {
    private final Map<String, KpiReportingDuty> duties;

    private KpiReportingDuties(Map<String, KpiReportingDuty> duties) {
        this.duties = Map.copyOf(duties);
    }

    public static KpiReportingDuties load() {
        List<KpiReportingDuty> rows = ResourceCsv.read("kpi/reporting-duties.csv").stream().map(KpiReportingDuties::duty).toList();
        return new KpiReportingDuties(rows.stream().collect(Collectors.toMap(KpiReportingDuty::kpiId, Function.identity())));
    }

    public Optional<KpiReportingDuty> of(String kpiId) {
        return Optional.ofNullable(duties.get(requireNonNull(kpiId, "kpiId is null")));
    }

    public List<KpiReportingDuty> all() {
        return duties.values().stream().sorted(java.util.Comparator.comparing(KpiReportingDuty::kpiId)).toList();
    }

    private static KpiReportingDuty duty(CSVRecord record) {
        return new KpiReportingDuty(record.get("kpi_id"), record.get("department_ja"), record.get("department_en"),
                KpiReportingDuty.Cycle.valueOf(record.get("cycle").trim().toUpperCase(Locale.ROOT)),
                Integer.parseInt(record.get("due_days_after_period").trim()), Boolean.parseBoolean(record.get("sample").trim()));
    }
}
