package org.ebpmlake.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.pipelines.deid.AnonymizationSpecification;
import org.ebpmlake.pipelines.deid.EngineChoice;
import org.ebpmlake.pipelines.deid.Release;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.ebpmlake.anonymize.DistinctLDiversity;
import org.ebpmlake.anonymize.GroundDistance;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.TCloseness;
import org.ebpmlake.anonymize.hierarchy.HierarchyCsv;
import org.ebpmlake.anonymize.risk.ReidentificationRisks;
import org.ebpmlake.anonymize.risk.RiskAnalysis;
import org.ebpmlake.anonymize.search.AnonymizationConfiguration;
import org.ebpmlake.anonymize.search.AnonymizationResult;
import org.ebpmlake.anonymize.search.Anonymizer;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lake anonymize file}: a CSV file in, its optimal de-identification and a JSON privacy report out.
 * The output is re-checked by the independent verifier before it is written; a failing output is not
 * written at all. A file whose rows would not fit in memory goes to the Spark engine by itself
 * ({@code --engine} forces one); both find the same optimum and write the same file.
 */
@Command(name = "file", mixinStandardHelpOptions = true,
        description = {"CSVファイルを匿名加工し、結果のCSVとプライバシー報告（JSON）を書き出します。",
            "De-identify a CSV file (; or , separated) and write the result and a privacy report (JSON)."})
final class AnonymizeFileCommand implements Callable<Integer> {
    static final int NO_SOLUTION = 3;
    static final int VERIFICATION_FAILED = 4;

    @Parameters(index = "0", paramLabel = "IN.csv", description = "入力CSV / input CSV with a header")
    private Path input;

    @Option(names = "--qi", required = true, paramLabel = "COLUMN=HIERARCHY.csv",
            description = "準識別子と階層（ARX形式） / quasi-identifier and its ARX hierarchy file; repeat per column")
    private LinkedHashMap<String, Path> quasiIdentifiers;

    @Option(names = "--k", required = true, description = "k-匿名性の k / k of k-anonymity")
    private int k;

    @Option(names = "--l-diversity", paramLabel = "COLUMN=L", description = "distinct l-多様性 / distinct l-diversity")
    private LinkedHashMap<String, Integer> lDiversity = new LinkedHashMap<>();

    @Option(names = "--t-closeness", paramLabel = "COLUMN=T",
            description = "t-近接性（等距離、--sensitive-hierarchy があれば階層距離） / t-closeness, equal distance or"
                    + " hierarchical with --sensitive-hierarchy")
    private LinkedHashMap<String, Double> tCloseness = new LinkedHashMap<>();

    @Option(names = "--sensitive-hierarchy", paramLabel = "COLUMN=HIERARCHY.csv",
            description = "t-近接性の階層距離に使う階層 / hierarchy for t-closeness's hierarchical distance")
    private LinkedHashMap<String, Path> sensitiveHierarchies = new LinkedHashMap<>();

    @Option(names = "--suppression-limit", required = true, paramLabel = "FRACTION",
            description = "削除してよいレコードの割合 / share of records that may be suppressed, e.g. 0.02")
    private double suppressionLimit;

    @Option(names = "--risk-threshold", defaultValue = "0.2",
            description = "再識別リスクの閾値 / risk threshold for the share of records at risk (default ${DEFAULT-VALUE})")
    private double riskThreshold;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "出力CSV / output CSV")
    private Path output;

    @Option(names = "--report", required = true, paramLabel = "REPORT.json", description = "報告 / report")
    private Path report;

    @Option(names = "--engine", defaultValue = "auto",
            description = "auto（メモリに収まらなければ Spark）・memory・spark / auto (Spark when the rows would not fit"
                    + " in memory), memory or spark (default ${DEFAULT-VALUE})")
    private String engine;

    @Option(names = "--memory-budget-mb", description = "メモリ内エンジンが使えるヒープ（MB） / heap the in-memory engine may"
            + " use; default half of the free heap")
    private Long memoryBudgetMb;

    @Override
    public Integer call() throws IOException {
        DelimitedFile inputFile = DelimitedFile.detect(input);
        List<QuasiIdentifier> quasiIdentifierList = new ArrayList<>();
        quasiIdentifiers.forEach((column, hierarchy) ->
                quasiIdentifierList.add(new QuasiIdentifier(column, HierarchyCsv.read(hierarchy))));
        List<PrivacyModel> models = models();
        long budget = memoryBudgetMb == null ? EngineChoice.freeHeapShare(Runtime.getRuntime()) : memoryBudgetMb * 1024 * 1024;
        EngineChoice choice = EngineChoice.of("--engine", engine, inputFile.estimatedRows(), inputFile.header().size(), budget);
        if (choice.engine() == EngineChoice.Engine.SPARK) {
            return onSpark(inputFile, quasiIdentifierList, models, choice);
        }
        Table table = inputFile.read();
        AnonymizationConfiguration configuration =
                new AnonymizationConfiguration(quasiIdentifierList, models, suppressionLimit);

        Optional<AnonymizationResult> anonymized = new Anonymizer(configuration).anonymize(table);
        if (anonymized.isEmpty()) {
            return unsatisfiable(models);
        }
        AnonymizationResult result = anonymized.get();
        VerificationVerdict verdict = new IndependentVerifier(quasiIdentifierList, models, suppressionLimit)
                .verify(table, result.output(), result.transformation());
        ReidentificationRisks risks = new RiskAnalysis(riskThreshold).analyze(verdict.classSizes());
        AnonymizationReport privacyReport = AnonymizationReport.of(input, table.rows().size(), models,
                suppressionLimit, result.plan(), verdict, risks, choice);
        writeJson(privacyReport);
        if (!verdict.satisfied()) {
            return violated(verdict);
        }
        inputFile.sibling(output).write(result.output());
        System.out.println(privacyReport.summary());
        return 0;
    }

    private int onSpark(DelimitedFile inputFile, List<QuasiIdentifier> quasiIdentifierList, List<PrivacyModel> models,
            EngineChoice choice) throws IOException {
        boolean ownSession = !SparkFileAnonymization.sessionRunning();
        SparkSession spark = SparkFileAnonymization.session();
        try {
            SparkFileAnonymization anonymization = new SparkFileAnonymization(spark);
            List<String> columns = quasiIdentifierList.stream().map(QuasiIdentifier::column).toList();
            Optional<Release> found = anonymization.anonymize(inputFile, new AnonymizationSpecification(columns,
                    valuesOf -> quasiIdentifierList, models, suppressionLimit));
            if (found.isEmpty()) {
                return unsatisfiable(models);
            }
            Release release = found.get();
            ReidentificationRisks risks = new RiskAnalysis(riskThreshold).analyze(release.verdict().classSizes());
            AnonymizationReport privacyReport = AnonymizationReport.of(input, release.plan().records(), models,
                    suppressionLimit, release.plan(), release.verdict(), risks, choice);
            writeJson(privacyReport);
            if (!release.verdict().satisfied()) {
                return violated(release.verdict());
            }
            anonymization.write(release, inputFile.sibling(output));
            System.out.println(privacyReport.summary());
            return 0;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private int unsatisfiable(List<PrivacyModel> models) {
        System.err.println("PRIVACY_MODEL_UNSATISFIABLE: no generalization meets " + models
                + " within the suppression limit " + suppressionLimit + "; nothing was written");
        return NO_SOLUTION;
    }

    private static int violated(VerificationVerdict verdict) {
        System.err.println("PRIVACY_MODEL_VIOLATED: the output failed independent verification, so it was not"
                + " written: " + verdict.violations());
        return VERIFICATION_FAILED;
    }

    private List<PrivacyModel> models() {
        List<PrivacyModel> models = new ArrayList<>();
        models.add(new KAnonymity(k));
        lDiversity.forEach((column, l) -> models.add(new DistinctLDiversity(column, l)));
        for (Map.Entry<String, Double> entry : tCloseness.entrySet()) {
            Path hierarchy = sensitiveHierarchies.get(entry.getKey());
            GroundDistance distance;
            if (hierarchy == null) {
                distance = new GroundDistance.Equal();
            } else {
                distance = new GroundDistance.Hierarchical(HierarchyCsv.read(hierarchy));
            }
            models.add(new TCloseness(entry.getKey(), entry.getValue(), distance));
        }
        return models;
    }

    private void writeJson(AnonymizationReport privacyReport) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), privacyReport);
    }
}
