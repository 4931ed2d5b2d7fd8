package org.ebpmlake.pipelines.sources;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ebpmlake.reference.KpiDefinition;
import org.ebpmlake.reference.KpiReportingDuties;
import org.ebpmlake.reference.KpiReportingDuty;

/**
 * KPI actuals as departments send them: CP932 CSV or an Excel workbook with Japanese headers, Japanese era
 * fiscal years (令和5年度), full-width digits, thousands separators and percent signs, and now and then a
 * cell nobody could fill in or a bound written instead of a value (30%以下). One file per department.
 */
final class KpiActualSample {
    /**
     * KPIs the lake derives from its own tables: departments do not report them (K06-10-1 is reported too, as the
     * audit log gives it only where the department count is set).
     */
    private static final Set<String> DERIVED = Set.of("K01-05-1", "K01-06-1", "K01-06-2", "K04-04-1");
    /** Every this many KPIs (in catalogue order) one leaves its last two years unreported, so the overview shows who owes a figure. */
    private static final int LATE_EVERY = 7;

    /** Departments that keep their figures in Excel and send the workbook. */
    private static final Set<String> EXCEL_DEPARTMENTS = Set.of("水道局", "政策企画室");
    private static final List<String> HEADER = List.of("指標ID", "年度", "実績値", "報告所属");
    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final String UNFILLED = "未集計";

    private final SplittableRandom random;
    private final List<KpiDefinition> catalog;
    private final int latestFiscalYear;

    private final KpiReportingDuties duties = KpiReportingDuties.load();

    KpiActualSample(long seed, List<KpiDefinition> catalog, int latestFiscalYear) {
        this.random = new SplittableRandom(seed);
        this.catalog = List.copyOf(catalog);
        this.latestFiscalYear = latestFiscalYear;
    }

    /**
     * One file per department. Every numeric KPI with a target gets a plausible history (labelled as sample data on the
     * site) moving from its baseline toward its target at a random pace; the department comes from the DX office's
     * declared reporting duties (themselves sample values, see {@code kpi/README.md}).
     */
    List<SourceFile> write(Path directory) {
        Map<String, List<List<String>>> rowsByDepartment = new LinkedHashMap<>();
        int numbered = 0;
        for (KpiDefinition kpi : catalog) {
            if (DERIVED.contains(kpi.kpiId()) || !"numeric".equals(kpi.kind()) || kpi.targetValue().isEmpty()) {
                continue;
            }
            numbered++;
            String department = duties.of(kpi.kpiId()).map(KpiReportingDuty::departmentJa).orElse("デジタル統括室");
            List<List<String>> rows = rowsByDepartment.computeIfAbsent(department, key -> new ArrayList<>());
            int baselineYear = kpi.baselineFiscalYear().orElse(2022);
            int targetYear = kpi.targetFiscalYear().orElse(2025);
            double baseline = kpi.baselineValue().orElse(0);
            double target = kpi.targetValue().orElse(baseline);
            int lastYear = numbered % LATE_EVERY == 0 ? latestFiscalYear - 2 : latestFiscalYear;
            for (int year = baselineYear + 1; year <= lastYear; year++) {
                double share = (double) (year - baselineYear) / Math.max(1, targetYear - baselineYear);
                double pace = 0.7 + random.nextDouble() * 0.5;
                double value = baseline + (target - baseline) * Math.min(1.2, share * pace);
                String figure = fullWidth(format(value, kpi.unit()));
                if (EXCEL_DEPARTMENTS.contains(department)) {
                    figure = String.format("%.1f", value);
                }
                rows.add(List.of(kpi.kpiId(), eraFiscalYear(year), figure, department));
            }
        }
        // A cell a department left as text: ingestion must quarantine it, not lose it or guess.
        rowsByDepartment.values().iterator().next().add(List.of("K01-01-1", eraFiscalYear(latestFiscalYear + 1), UNFILLED, "デジタル統括室"));
        List<SourceFile> files = new ArrayList<>();
        int number = 0;
        for (Map.Entry<String, List<List<String>>> entry : rowsByDepartment.entrySet()) {
            number++;
            String baseName = String.format("kpi_actuals_%02d_%s", number, entry.getKey());
            Path file;
            if (EXCEL_DEPARTMENTS.contains(entry.getKey())) {
                List<List<String>> rows = new ArrayList<>(entry.getValue());
                // A bound written where a figure belongs: ingestion must quarantine it, not read it as 30.
                rows.add(List.of(rows.get(0).get(0), eraFiscalYear(latestFiscalYear + 1), "30%以下", entry.getKey()));
                file = new ExcelWorkbookFile(directory.resolve("kpi").resolve(baseName + ".xlsx")).write(HEADER, rows);
            } else {
                file = DelimitedFile.write(directory.resolve("kpi").resolve(baseName + ".csv"), CP932, HEADER, entry.getValue());
            }
            files.add(new SourceFile("kpi_actuals_reported", file));
        }
        return files;
    }

    private static String format(double value, String unit) {
        if ("%".equals(unit)) {
            return String.format("%.1f%%", value);
        }
        return String.format("%,d", Math.round(value));
    }

    static String eraFiscalYear(int fiscalYear) {
        int reiwa = fiscalYear - 2018;
        return "令和" + (reiwa == 1 ? "元" : Integer.toString(reiwa)) + "年度";
    }

    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            if (c >= '0' && c <= '9') {
                out.append((char) ('０' + (c - '0')));
            } else if (c == ',') {
                out.append('，');
            } else if (c == '.') {
                out.append('．');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
