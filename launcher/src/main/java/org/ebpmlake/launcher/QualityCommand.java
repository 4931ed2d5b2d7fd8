package org.ebpmlake.launcher;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ebpmlake.dashboards.QualityPage;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.ops.BatchLedger;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.pipelines.quality.QualitySuggestions;
import org.ebpmlake.pipelines.quality.StewardDecisions;
import org.ebpmlake.schemas.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lake quality suggest|report|batches|waive|withdraw}: the quality gate's tools for data stewards. A batch
 * the gate blocked stays out of curated until a steward waives it, withdraws it, or a corrected delivery
 * supersedes it; each decision is recorded with the OS user and the reason given.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"データ品質：取込バッチの状態、停止中のバッチの例外承認・取り下げ、Deequ による制約の提案、品質ページの作成。",
            "Data quality: delivered batches and their state, waiving or withdrawing a blocked batch, Deequ's constraint "
                + "suggestions, and the site's quality page."},
        subcommands = {QualityCommand.Batches.class, QualityCommand.Waive.class, QualityCommand.Withdraw.class,
            QualityCommand.Suggest.class, QualityCommand.Report.class})
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
            try (CommandSpark spark = CommandSpark.openExisting(settings)) {
                List<String> suggestions = new QualitySuggestions(spark.session(), settings, datasets).suggest(dataset);
                suggestions.forEach(System.out::println);
                System.out.println(suggestions.size() + " suggestion(s) / 件の提案");
                return 0;
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
            try (CommandSpark spark = CommandSpark.openExisting(settings)) {
                new LakeTables(LakeSession.icebergCatalog(spark.session(), settings)).ensureAll(DatasetCatalog.load());
                System.out.println("品質ページ / quality page: " + new QualityPage(spark.session(), settings).write());
                return 0;
            }
        }
    }

    /** Lists the most recently delivered batches with their state, rows, and who decided what and why. */
    @Command(name = "batches", mixinStandardHelpOptions = true,
            description = {"最近の取込バッチ（状態・行数・判断した人と理由）を新しい順に表示します。",
                "List the most recent delivered batches, newest first: state, rows read = accepted + quarantined, who and why."})
    static final class Batches implements Callable<Integer> {
        @ParentCommand
        QualityCommand quality;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET", description = "データセット名（省略時はすべて） / dataset name (all when omitted)")
        String dataset;

        @Option(names = "--limit", defaultValue = "20", description = "表示する件数 / how many (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        public Integer call() {
            DatasetCatalog datasets = DatasetCatalog.load();
            Optional<String> only = Optional.ofNullable(dataset);
            only.ifPresent(datasets::dataset);
            try (CommandSpark spark = quality.openLake()) {
                PrintWriter out = spec.commandLine().getOut();
                List<BatchRecord> batches = quality.ledger(spark).recent(only, limit);
                for (BatchRecord batch : batches) {
                    out.println(batch.describe() + " — " + batch.decidedBy() + ": " + batch.reason());
                }
                out.println(batches.size() + " batch(es) / 件");
                return 0;
            }
        }
    }

    /** A steward's decision on one batch: the batch, the reason, and what was recorded, with who and why. */
    abstract static class Decision implements Callable<Integer> {
        @ParentCommand
        QualityCommand quality;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "BATCH", description = "バッチID / batch id, e.g. students-1a2b3c4d5e6f7a8b")
        String batch;

        @Option(names = "--reason", required = true, description = "理由（記録されます） / why (recorded)")
        String reason;

        abstract BatchRecord decide(StewardDecisions decisions);

        /** What the decision means for curated, for the person who made it. */
        abstract String consequence();

        @Override
        public Integer call() {
            try (CommandSpark spark = quality.openLake()) {
                BatchRecord decided = decide(new StewardDecisions(quality.ledger(spark), DatasetCatalog.load()));
                spec.commandLine().getOut().println(consequence() + " (" + decided.decidedBy() + ") — " + decided.describe());
                return 0;
            }
        }
    }

    /** Admits a blocked batch as it is. */
    @Command(name = "waive", mixinStandardHelpOptions = true,
            description = {"停止中のバッチを例外として承認します（次の ./lake run で curated に入ります）。実行した人と理由を記録します。",
                "Waive a blocked batch: the next ./lake run promotes it as it is. Who (your OS user) and why are recorded."})
    static final class Waive extends Decision {
        @Override
        BatchRecord decide(StewardDecisions decisions) {
            return decisions.waive(batch, reason);
        }

        @Override
        String consequence() {
            return "例外として承認しました。次の ./lake run で curated に入ります / waived: the next ./lake run promotes it";
        }
    }

    /** Keeps a batch out of curated for good. */
    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = {"バッチを取り下げます（curated に入れず、入っていれば次の ./lake run で除きます）。実行した人と理由を記録します。",
                "Withdraw a batch: it never reaches curated, and the next ./lake run takes it out if it is there. "
                    + "Who (your OS user) and why are recorded."})
    static final class Withdraw extends Decision {
        @Override
        BatchRecord decide(StewardDecisions decisions) {
            return decisions.withdraw(batch, reason);
        }

        @Override
        String consequence() {
            return "取り下げました。次の ./lake run で curated に反映されます / withdrawn: the next ./lake run leaves it out of curated";
        }
    }

    /** Spark on the existing lake, its tables brought up to their declarations (an older lake gains ops.batches). */
    CommandSpark openLake() {
        LakeSettings settings = lake.settings();
        CommandSpark spark = CommandSpark.openExisting(settings);
        new LakeTables(LakeSession.icebergCatalog(spark.session(), settings)).ensureAll(DatasetCatalog.load());
        return spark;
    }

    BatchLedger ledger(CommandSpark spark) {
        return new BatchLedger(spark.session(), lake.settings(), Clock.systemUTC(), BatchLedger.osUser());
    }
}
