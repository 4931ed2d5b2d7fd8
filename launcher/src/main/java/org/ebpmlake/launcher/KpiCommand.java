package org.ebpmlake.launcher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ebpmlake.dashboards.KpiSite;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.mart.KpiProgressMart;
import org.ebpmlake.reference.KpiStatus;
import org.ebpmlake.sql.query.QueryResult;
import org.ebpmlake.sql.query.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lake kpi list|show|report}: the action plan's KPIs in the terminal, Japanese first. */
@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = {"アクションプランのKPI（一覧・詳細・進捗報告）を表示します。", "Show the action plan's KPIs: list, one KPI, progress report."},
        subcommands = {KpiCommand.ListKpis.class, KpiCommand.Show.class, KpiCommand.Report.class})
final class KpiCommand implements Runnable {
    @ParentCommand
    Lake lake;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs {@code view} on {@code mart.kpi_progress} as it is, or as it was reported for {@code asOf}. */
    <T> T withProgress(Optional<LocalDate> asOf, Function<Dataset<Row>, T> view) {
        LakeSettings settings = lake.settings();
        SparkSession spark = LakeSession.openExisting(settings);
        try {
            String table = KpiSite.PROGRESS.in(settings.catalogName());
            Dataset<Row> progress = asOf
                    .map(date -> spark.sql("SELECT * FROM " + table + " VERSION AS OF '" + KpiProgressMart.reportTag(date) + "'"))
                    .orElseGet(() -> spark.table(table));
            return view.apply(progress.orderBy(functions.col("value_area"), functions.col("kpi_id")));
        } finally {
            spark.stop();
        }
    }

    static String status(Row kpi) {
        KpiStatus status = KpiStatus.fromCode(kpi.getAs("status"));
        return status.labelJa() + " / " + status.labelEn();
    }

    static String value(Row kpi, String column, String yearColumn) {
        Double value = kpi.getAs(column);
        if (value == null) {
            return "—";
        }
        Integer year = kpi.getAs(yearColumn);
        String unit = kpi.getAs("unit") == null ? "" : kpi.getAs("unit");
        String number = value == Math.rint(value) ? String.format("%,d", value.longValue()) : String.format("%,.1f", value);
        return number + unit + (year == null ? "" : "（" + year + "年度）");
    }

    abstract static class AsOf {
        @Option(names = "--as-of", paramLabel = "DATE",
                description = "その報告期間の公式スナップショットを表示 / show the official snapshot of that reporting date (e.g. 2025-03-31)")
        LocalDate asOf;

        Optional<LocalDate> asOf() {
            return Optional.ofNullable(asOf);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"全KPIの一覧。", "Every KPI with its status."})
    static final class ListKpis extends AsOf implements Callable<Integer> {
        @ParentCommand
        KpiCommand parent;

        @Override
        public Integer call() {
            List<List<String>> rows = parent.withProgress(asOf(), progress -> progress.collectAsList().stream()
                    .map(kpi -> List.of(kpi.<String>getAs("kpi_id"), kpi.<String>getAs("value_area"),
                            String.valueOf(kpi.<String>getAs("kpi_text_ja")), value(kpi, "latest_value", "latest_fiscal_year"),
                            status(kpi)))
                    .toList());
            System.out.print(ResultTable.render(new QueryResult(List.of("指標ID", "VALUE", "評価指標 / KPI", "最新実績 / latest", "状況 / status"), rows)));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = {"1つのKPIの詳細。", "One KPI in detail."})
    static final class Show extends AsOf implements Callable<Integer> {
        @ParentCommand
        KpiCommand parent;

        @Parameters(paramLabel = "KPI_ID", description = "例 / e.g. K01-01-1")
        String kpiId;

        @Override
        public Integer call() {
            Optional<Row> found = parent.withProgress(asOf(), progress -> progress.where(functions.col("kpi_id").equalTo(kpiId))
                    .collectAsList().stream().findFirst());
            if (found.isEmpty()) {
                System.out.println("KPI " + kpiId + " はカタログにありません / is not in the catalogue (./lake kpi list)");
                return 1;
            }
            Row kpi = found.get();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("指標ID / id", kpiId));
            rows.add(List.of("VALUE", kpi.<String>getAs("value_area") + " " + kpi.<String>getAs("value_area_title_ja")));
            rows.add(List.of("施策 / measure", kpi.<String>getAs("measure_title_ja")));
            rows.add(List.of("評価指標", String.valueOf(kpi.<String>getAs("kpi_text_ja"))));
            rows.add(List.of("KPI (en)", String.valueOf(kpi.<String>getAs("kpi_text_en"))));
            rows.add(List.of("目標の向き / direction", kpi.<String>getAs("direction")));
            rows.add(List.of("現状値 / baseline", value(kpi, "baseline_value", "baseline_fiscal_year") + " " + nullToEmpty(kpi.getAs("baseline_text"))));
            rows.add(List.of("目標値 / target", value(kpi, "target_value", "target_fiscal_year") + " " + nullToEmpty(kpi.getAs("target_text"))));
            rows.add(List.of("最新実績 / latest", value(kpi, "latest_value", "latest_fiscal_year") + " " + nullToEmpty(kpi.getAs("latest_source"))));
            rows.add(List.of("期待値 / expected", value(kpi, "expected_value", "latest_fiscal_year")));
            rows.add(List.of("予測 / forecast", value(kpi, "forecast_value", "target_fiscal_year")));
            Double ratio = kpi.getAs("progress_ratio");
            rows.add(List.of("進捗率 / progress", ratio == null ? "—" : String.format("%.0f%%", ratio * 100)));
            rows.add(List.of("状況 / status", status(kpi)));
            System.out.print(ResultTable.render(new QueryResult(List.of("項目 / field", "値 / value"), rows)));
            return 0;
        }

        private static String nullToEmpty(String text) {
            return text == null ? "" : text;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"VALUEごとの状況の集計と、要注意・遅れのKPI。", "Status counts per VALUE area, and the KPIs at risk or off track."})
    static final class Report extends AsOf implements Callable<Integer> {
        @ParentCommand
        KpiCommand parent;

        @Override
        public Integer call() {
            List<Row> kpis = parent.withProgress(asOf(), Dataset::collectAsList);
            Map<String, Map<KpiStatus, Integer>> counts = new TreeMap<>();
            for (Row kpi : kpis) {
                counts.computeIfAbsent(kpi.getAs("value_area"), area -> new EnumMap<>(KpiStatus.class))
                        .merge(KpiStatus.fromCode(kpi.getAs("status")), 1, Integer::sum);
            }
            List<String> header = new ArrayList<>(List.of("VALUE"));
            for (KpiStatus status : KpiStatus.values()) {
                header.add(status.labelJa() + " / " + status.labelEn());
            }
            List<List<String>> rows = new ArrayList<>();
            counts.forEach((area, byStatus) -> {
                List<String> row = new ArrayList<>(List.of(area));
                for (KpiStatus status : KpiStatus.values()) {
                    row.add(Integer.toString(byStatus.getOrDefault(status, 0)));
                }
                rows.add(row);
            });
            System.out.println("KPI進捗報告 / KPI progress report" + asOf().map(date -> "（" + date + " 時点 / as of " + date + "）").orElse(""));
            System.out.print(ResultTable.render(new QueryResult(header, rows)));
            List<List<String>> attention = kpis.stream()
                    .filter(kpi -> List.of(KpiStatus.AT_RISK, KpiStatus.OFF_TRACK).contains(KpiStatus.fromCode(kpi.getAs("status"))))
                    .map(kpi -> List.of(kpi.<String>getAs("kpi_id"), String.valueOf(kpi.<String>getAs("kpi_text_ja")),
                            value(kpi, "latest_value", "latest_fiscal_year"), value(kpi, "expected_value", "latest_fiscal_year"), status(kpi)))
                    .toList();
            System.out.println("要注意・遅れ / at risk or off track");
            System.out.print(ResultTable.render(new QueryResult(
                    List.of("指標ID", "評価指標 / KPI", "最新実績 / latest", "期待値 / expected", "状況 / status"), attention)));
            return 0;
        }
    }
}
