package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.DashboardCatalog;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.reference.KpiStatus;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * The DX office's part of the site, from the {@code kpi-overview} declaration: {@code index.html} (every KPI by VALUE
 * area with status, progress bar, sparkline, latest vs target and reporting duty, to filter and sort), one page per
 * KPI under {@code kpi/} (trend with baseline-to-target line and forecast, reports as received), and the printable
 * progress report for the as-of date ({@code report-<date>.html}, also as {@code report.html}).
 */
public final class KpiSite {
    public static final TableName PROGRESS = new TableName(Zone.MART, "kpi_progress");
    public static final TableName ACTUALS = new TableName(Zone.MART, "kpi_actuals");
    public static final String INDEX = "index.html";
    static final String DASHBOARD = "kpi-overview";

    private final SparkSession spark;
    private final LakeSettings settings;
    private final DashboardDeclaration dashboard;

    public KpiSite(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.dashboard = DashboardCatalog.load().dashboard(DASHBOARD);
    }

    /** Writes every page and returns the path of the front page. */
    public Path write(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        String catalog = settings.catalogName();
        Path site = settings.siteDirectory();
        ChartDeclaration statusChart = dashboard.chart("kpi-status");
        ChartDeclaration historyChart = dashboard.chart("kpi-history");
        ChartDeclaration receiptsChart = dashboard.chart("kpi-receipts");
        ChartData kpis = ChartData.query(spark, statusChart, catalog);
        ChartData history = ChartData.query(spark, historyChart, catalog);
        ChartData receipts = ChartData.query(spark, receiptsChart, catalog);
        boolean sample = sampleData();

        StringBuilder html = new StringBuilder(SitePage.header(dashboard.title().ja(), dashboard.title().en(), "", true));
        html.append("<h1>").append(HtmlText.bilingual(dashboard.title().ja(), dashboard.title().en())).append("</h1>\n");
        html.append("<p class=\"lead\">").append(HtmlText.bilingual(asOf + " 時点のデータ", "Data as of " + asOf)).append("</p>\n");
        dashboard.description().ifPresent(text -> html.append("<p>").append(HtmlText.bilingual(text.ja(), text.en())).append("</p>\n"));
        if (sample) {
            html.append(sampleBanner());
        }
        html.append(summary(kpis));
        String csv = "data/" + DASHBOARD + "/kpi-status.csv";
        PageFile.write(site.resolve(csv), ChartCsv.of(statusChart, kpis));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("statuses", statuses());
        extra.put("history", historyByKpi(history));
        extra.put("detail", "kpi/{id}.html");
        html.append(new ChartSection(statusChart, kpis, csv, Map.of(), extra).html(KpiTableHtml.of(kpis)));
        html.append(SitePage.footer());
        PageFile.write(site.resolve(INDEX), html.toString());

        int kpiColumn = kpis.column("kpi_id");
        for (List<Object> kpi : kpis.rows()) {
            String id = (String) kpi.get(kpiColumn);
            PageFile.write(site.resolve(KpiDetailPage.relativePath(id)), new KpiDetailPage(dashboard, kpis, kpi, sample)
                    .render(history.where("kpi_id", id), receipts.where("kpi_id", id), site));
        }
        new KpiReportPage(dashboard, statuses()).write(site, asOf, kpis, sample);
        return site.resolve(INDEX);
    }

    /** The progress report for a past reporting date, from the {@code report-<date>} snapshot of mart.kpi_progress. */
    public Path writeReport(LocalDate asOf) {
        requireNonNull(asOf, "asOf is null");
        ChartData kpis = ChartData.query(spark, dashboard.chart("kpi-status"), settings.catalogName(),
                Map.of(PROGRESS.toString(), "report-" + asOf));
        return new KpiReportPage(dashboard, statuses()).write(settings.siteDirectory(), asOf, kpis, sampleData());
    }

    /**
     * Whether the KPI figures came from the generated sample deliveries (then every KPI page says so): a raw batch
     * whose file is one the sample generator wrote under {@code <lake.sources>/sample/kpi/}.
     */
    private boolean sampleData() {
        Path samples = settings.sourcesDirectory().resolve("sample").resolve("kpi");
        if (!java.nio.file.Files.isDirectory(samples)) {
            return false;
        }
        java.util.Set<String> sampleFiles;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(samples)) {
            sampleFiles = files.map(file -> file.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list the sample deliveries in " + samples, e);
        }
        String raw = new TableName(Zone.RAW, "kpi_actuals_reported").in(settings.catalogName());
        return spark.sql("SELECT DISTINCT _source_file FROM " + raw).collectAsList().stream()
                .anyMatch(row -> sampleFiles.contains(row.getString(0)));
    }

    static String sampleBanner() {
        return "<p class=\"sample-banner\" role=\"note\"><strong>" + HtmlText.bilingual("サンプルデータ", "Sample data") + "</strong> "
                + HtmlText.bilingual("所属報告のKPI実績の履歴と、報告所属・周期・期限（報告義務）は、生成したサンプルです。実際の値ではありません。",
                "The departments' reported KPI histories and the reporting duties (department, cycle, due dates) are generated samples,"
                        + " not real figures.")
                + "</p>\n";
    }

    static List<Map<String, String>> statuses() {
        List<Map<String, String>> statuses = new ArrayList<>();
        for (KpiStatus status : KpiStatus.values()) {
            statuses.add(Map.of("code", status.code(), "ja", status.labelJa(), "en", status.labelEn()));
        }
        return statuses;
    }

    private static String summary(ChartData kpis) {
        Map<KpiStatus, Integer> counts = new EnumMap<>(KpiStatus.class);
        int statusColumn = kpis.column("status");
        for (List<Object> kpi : kpis.rows()) {
            counts.merge(KpiStatus.fromCode((String) kpi.get(statusColumn)), 1, Integer::sum);
        }
        StringBuilder html = new StringBuilder("<p class=\"summary\">");
        html.append(HtmlText.bilingual("KPI " + kpis.rows().size() + "件：", kpis.rows().size() + " KPIs: "));
        for (KpiStatus status : KpiStatus.values()) {
            html.append("<span class=\"badge ").append(status.code()).append("\">").append(HtmlText.bilingual(status.labelJa(), status.labelEn()))
                    .append(" ").append(counts.getOrDefault(status, 0)).append("</span> ");
        }
        return html.append("</p>\n").toString();
    }

    private static Map<String, List<Object[]>> historyByKpi(ChartData history) {
        Map<String, List<Object[]>> byKpi = new LinkedHashMap<>();
        int kpi = history.column("kpi_id");
        int year = history.column("fiscal_year");
        int value = history.column("actual_value");
        for (List<Object> row : history.rows()) {
            byKpi.computeIfAbsent((String) row.get(kpi), key -> new ArrayList<>()).add(new Object[] {row.get(year), row.get(value)});
        }
        return byKpi;
    }
}
