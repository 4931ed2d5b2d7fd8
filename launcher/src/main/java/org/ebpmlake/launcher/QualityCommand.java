package org.ebpmlake.launcher;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.dashboards.QualityPage;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.quality.QualitySuggestions;
import org.ebpmlake.schemas.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lake quality suggest <dataset>|report}: the quality gate's tools for data stewards. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"データ品質：Deequ による制約の提案と、品質ページ（quality.html）の作成。",
            "Data quality: Deequ's constraint suggestions for a dataset's raw table, and the site's quality page."},
        subcommands = {QualityCommand.Suggest.class, QualityCommand.Report.class})
final class QualityCommand implements Runnable {
    @ParentCommand
    Lake lake;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints Deequ's suggestions, a starting point for the {@code quality:} section of a new source. */
    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = {"raw テーブルを分析し、Deequ の制約の提案を表示します（直接識別子の列は除外）。",
                "Profile the dataset's raw table and print Deequ's constraint suggestions (direct identifiers left out)."})
    static final class Suggest implements Callable<Integer> {
        @ParentCommand
        QualityCommand quality;

        @Parameters(index = "0", paramLabel = "DATASET", description = "データセット名 / dataset name, e.g. students")
        String dataset;

        @Override
        public Integer call() {
            DatasetCatalog datasets = DatasetCatalog.load();
            datasets.dataset(dataset);
            LakeSettings settings = quality.lake.settings();
            SparkSession spark = LakeSession.openExisting(settings);
            try {
                List<String> suggestions = new QualitySuggestions(spark, settings, datasets).suggest(dataset);
                suggestions.forEach(System.out::println);
                System.out.println(suggestions.size() + " suggestion(s) / 件の提案");
                return 0;
            } finally {
                spark.stop();
            }
        }
    }

    /** Writes the site's quality page from the gate's recorded results and metrics. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"品質ページ（データセットごとの最新の状態・不合格の検査・件数の推移）を静的サイトに書き出します。",
                "Write the quality page (per dataset: latest status, failing checks, row-count trend) into the static site."})
    static final class Report implements Callable<Integer> {
        @ParentCommand
        QualityCommand quality;

        @Override
        public Integer call() {
            LakeSettings settings = quality.lake.settings();
            SparkSession spark = LakeSession.openExisting(settings);
            try {
                new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(DatasetCatalog.load());
                System.out.println("品質ページ / quality page: " + new QualityPage(spark, settings).write());
                return 0;
            } finally {
                spark.stop();
            }
        }
    }
}
