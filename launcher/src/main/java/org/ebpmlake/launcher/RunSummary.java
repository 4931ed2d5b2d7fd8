package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.pipelines.raw.IngestionResult;
import org.ebpmlake.pipelines.run.RunReport;

/**
 * What a run wrote: the files ingested, the row counts of the tables it was about (every table after a whole run),
 * the dashboard page if the site was written, and how each task ended.
 */
public record RunSummary(String runId, List<IngestionResult> ingestions, List<TableCount> tables, Optional<Path> dashboardPage,
        RunReport report) {
    public RunSummary {
        requireNonNull(runId, "runId is null");
        ingestions = List.copyOf(requireNonNull(ingestions, "ingestions is null"));
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(dashboardPage, "dashboardPage is null");
        requireNonNull(report, "report is null");
    }

    public long rowsOf(String table) {
        return tables.stream().filter(count -> count.table().equals(table)).mapToLong(TableCount::rows).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the run summary has no table " + table));
    }

    /** The closing lines of {@code ./lake run}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        if (!ingestions.isEmpty()) {
            out.append("取込ファイル / files ingested\n");
            for (IngestionResult ingestion : ingestions) {
                out.append("  ").append(ingestion.conservation()).append('\n');
            }
        }
        out.append("テーブル / tables (rows)\n");
        for (TableCount table : tables) {
            out.append(String.format("  %-32s %,12d%n", table.table(), table.rows()));
        }
        dashboardPage.ifPresent(page -> out.append("ダッシュボード / dashboard: ").append(page).append('\n'));
        out.append("実行ID / run id: ").append(runId).append('\n');
        return out.toString();
    }
}
