package org.ebpmlake.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.dashboards.EvaluationsPage;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.evaluation.DidResult;
import org.ebpmlake.pipelines.evaluation.Effect;
import org.ebpmlake.pipelines.evaluation.EvaluationDeclaration;
import org.ebpmlake.pipelines.evaluation.EvaluationDeclarations;
import org.ebpmlake.pipelines.evaluation.EvaluationOutcome;
import org.ebpmlake.pipelines.evaluation.EvaluationsMart;
import org.ebpmlake.pipelines.evaluation.MetricTransform;
import org.ebpmlake.pipelines.evaluation.PeriodEffect;
import org.ebpmlake.pipelines.evaluation.PolicyEvaluation;
import org.ebpmlake.pipelines.run.RunLock;
import org.ebpmlake.schemas.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lake evaluate [ID...] [--placebo DATE] [--list]}: the declared policy evaluations on the lake as it is, printed
 * Japanese first, stored in {@code mart.evaluations} and shown on the site's evaluations page. A placebo run moves the
 * intervention to an earlier date on the data before the real one, and is printed only.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"政策効果を差の差分析で推定します（conf/evaluations の宣言、結果は mart.evaluations と評価ページへ）。",
            "Estimate policy effects by difference-in-differences, as declared in conf/evaluations; results go to "
                + "mart.evaluations and the site's evaluations page."})
final class EvaluateCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "評価ID（省略時はすべて） / evaluation ids; all when none is given")
    private List<String> ids = new ArrayList<>();

    @Option(names = "--placebo", paramLabel = "DATE",
            description = "介入日をこの日に置き換えた偽の評価（介入前のデータのみ、保存しない） / a placebo intervention on this date, "
                    + "on the data before the real one; printed, not stored")
    private LocalDate placebo;

    @Option(names = "--list", description = "宣言された評価の一覧 / list the declared evaluations")
    private boolean list;

    @Override
    public Integer call() {
        LakeSettings settings = lake.settings();
        EvaluationDeclarations declarations = EvaluationDeclarations.of(settings);
        if (list) {
            for (EvaluationDeclaration declaration : declarations.all()) {
                System.out.printf("%-24s %s / %s (%s)%n", declaration.id(), declaration.title().ja(), declaration.title().en(),
                        declaration.table());
            }
            return 0;
        }
        List<EvaluationDeclaration> chosen = ids.isEmpty() ? declarations.all() : ids.stream().map(declarations::named).toList();
        if (chosen.isEmpty()) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "no evaluation is declared in " + settings.option("lake.evaluations")
                    .orElse("conf/evaluations") + "; add a YAML file there (see README)");
        }
        if (placebo != null && chosen.size() != 1) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--placebo takes one evaluation id, e.g. ./lake evaluate "
                    + "midosuji_footfall --placebo 2025-03-10");
        }
        if (placebo != null) {
            try {
                chosen = List.of(chosen.get(0).withPlaceboIntervention(placebo));
            } catch (IllegalArgumentException e) {
                throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--placebo: " + e.getMessage());
            }
        }
        try (CommandSpark commandSpark = CommandSpark.openExisting(settings)) {
            SparkSession spark = commandSpark.session();
            List<EvaluationOutcome> outcomes = new ArrayList<>();
            PolicyEvaluation evaluation = new PolicyEvaluation(spark, settings);
            for (EvaluationDeclaration declaration : chosen) {
                EvaluationOutcome outcome = evaluation.evaluate(declaration);
                print(outcome);
                outcomes.add(outcome);
            }
            if (placebo != null) {
                System.out.println("偽の介入日による確認のため保存しません / a placebo check: not stored");
                return 0;
            }
            Clock clock = Clock.systemUTC();
            String runId = LakeRun.newRunId("evaluate", clock);
            try (RunLock lock = RunLock.acquire(spark, settings, runId, Duration.ZERO, clock, System.out::println)) {
                new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(DatasetCatalog.load());
                new EvaluationsMart(spark, settings, clock).store(outcomes, runId);
                System.out.println("保存 / stored: " + EvaluationsMart.EVALUATIONS + ", " + EvaluationsMart.PERIODS + " → "
                        + new EvaluationsPage(spark, settings).write());
            }
            return 0;
        }
    }

    private static void print(EvaluationOutcome outcome) {
        EvaluationDeclaration declaration = outcome.declaration();
        DidResult result = outcome.result();
        Effect effect = result.effect();
        System.out.printf("%s  %s / %s%n", declaration.id(), declaration.title().ja(), declaration.title().en());
        System.out.printf(Locale.ROOT, "  効果 / effect: %+.4f  (%d%% 信頼区間 / CI [%+.4f, %+.4f], 標準誤差 / SE %.4f)%s%n",
                effect.estimate(), Math.round(result.confidence() * 100), effect.low(), effect.high(), effect.standardError(),
                relative(outcome));
        System.out.println("  " + (effect.low() > 0 || effect.high() < 0
                ? "区間が0を含まない：効果あり / the interval excludes 0: an effect"
                : "区間が0を含む：効果は確認できず / the interval contains 0: no effect shown"));
        System.out.printf("  処置群 %d・比較群 %d 単位、%d 期間、%d 観測 / %d treated and %d comparison units, %d periods, %d observations%n",
                result.treatedUnits(), result.comparisonUnits(), outcome.panel().periods(), result.observations(),
                result.treatedUnits(), result.comparisonUnits(), outcome.panel().periods(), result.observations());
        if (result.pretrendP().isPresent()) {
            double p = result.pretrendP().getAsDouble();
            System.out.printf(Locale.ROOT, "  事前トレンド検定 / pre-trend test: p = %.3f (%s)%n", p, p < 0.05
                    ? "介入前から差が変化：平行トレンドの前提が疑わしい / drift before the intervention: parallel trends doubtful"
                    : "平行トレンドと矛盾しない / consistent with parallel trends");
        } else {
            System.out.println("  事前トレンド検定 / pre-trend test: 介入前が1期間のみ / a single period before: not testable");
        }
        StringBuilder periods = new StringBuilder("  期間別 / per period:");
        for (PeriodEffect period : result.periods()) {
            String label = outcome.panel().periodLabels().get(period.period());
            periods.append(period.isReference() ? String.format(Locale.ROOT, " %s 基準/reference;", label)
                    : String.format(Locale.ROOT, " %s %+.3f [%+.3f, %+.3f];", label, period.estimate(),
                            period.effect().orElseThrow().low(), period.effect().orElseThrow().high()));
        }
        System.out.println(periods);
        System.out.println("  データ / data: " + declaration.table() + " VERSION AS OF " + outcome.snapshotId());
    }

    private static String relative(EvaluationOutcome outcome) {
        if (outcome.declaration().transform() == MetricTransform.LOG) {
            Effect effect = outcome.result().effect();
            return String.format(Locale.ROOT, "%n  変化率 / relative change: %+.1f%% [%+.1f%%, %+.1f%%]",
                    100 * outcome.effectOnOriginalScale(effect.estimate()), 100 * outcome.effectOnOriginalScale(effect.low()),
                    100 * outcome.effectOnOriginalScale(effect.high()));
        }
        return "";
    }
}
