package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.ebpmlake.pipelines.raw.IngestionResult;

/** What a run of the whole path wrote: the files ingested, every table's row count, and the dashboard page. */
public record RunSummary(String runId, List<IngestionResult> ingestions, List<TableCount> tables, Path dashboardPage) {
    public RunSummary {
        requireNonNull(runId, "runId is null");
        ingestions = List.copyOf(requireNonNull(ingestions, "ingestions is null"));
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(dashboardPage, "dashboardPage is null");
    }

    public long rowsOf(String table) {
        return tables.stream().filter(count -> count.table().equals(table)).mapToLong(TableCount::rows).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the run summary has no table " + table));
    }

    /** The closing lines of {@code ./lake run}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("取込ファイル / files ingested\n");
        for (IngestionResult ingestion : ingestions) {
            out.append("  ").append(ingestion.conservation()).append('\n');
        }
        out.append("テーブル / tables (rows)\n");
        for (TableCount table : tables) {
            out.append(String.format("  %-32s %,12d%n", table.table(), table.rows()));
        }
        out.append("ダッシュボード / dashboard: ").append(dashboardPage).append('\n');
        out.append("実行ID / run id: ").append(runId).append('\n');
        return out.toString();
    }
}
