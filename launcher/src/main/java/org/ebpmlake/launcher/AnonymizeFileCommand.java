package org.ebpmlake.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.pipelines.deid.AnonymizationSpecification;
import org.ebpmlake.pipelines.deid.EngineChoice;
import org.ebpmlake.pipelines.deid.Release;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.time.ZoneId;
import org.ebpmlake.anonymize.DeltaPresence;
import org.ebpmlake.anonymize.DistinctLDiversity;
import org.ebpmlake.anonymize.EntropyLDiversity;
import org.ebpmlake.anonymize.KMap;
import org.ebpmlake.anonymize.RecursiveCLDiversity;
import org.ebpmlake.anonymize.search.AggregateFunction;
import org.ebpmlake.anonymize.search.UtilityMetric;
import org.ebpmlake.anonymize.search.TupleCounts;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.pipelines.deid.PublicStatement;
import org.ebpmlake.schemas.PrivacyTier;
import org.ebpmlake.anonymize.GroundDistance;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.TCloseness;
import org.ebpmlake.pipelines.deid.ArxHierarchyFile;
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

    @Option(names = "--entropy-l-diversity", paramLabel = "COLUMN=L", description = "エントロピー l-多様性 / entropy l-diversity")
    private LinkedHashMap<String, Double> entropyLDiversity = new LinkedHashMap<>();

    @Option(names = "--recursive-cl-diversity", paramLabel = "COLUMN=C,L",
            description = "再帰的 (c,l)-多様性 / recursive (c,l)-diversity, e.g. disease=3,2")
    private LinkedHashMap<String, String> recursiveDiversity = new LinkedHashMap<>();

    @Option(names = "--t-closeness-ordered", paramLabel = "COLUMN=T",
            description = "順序距離の t-近接性（数値なら数の順） / t-closeness under the ordered distance")
    private LinkedHashMap<String, Double> orderedTCloseness = new LinkedHashMap<>();

    @Option(names = "--k-map", paramLabel = "K", description = "k-map：公開する同値類が母集団で K 件以上 / every class"
            + " matches at least K records of the population (--population, or estimated from --population-size)")
    private Integer kMap;

    @Option(names = "--delta-presence", paramLabel = "MIN,MAX", description = "δ-presence（--population が必要） /"
            + " delta-presence against --population")
    private String deltaPresence;

    @Option(names = "--population", paramLabel = "POPULATION.csv", description = "母集団の表（準識別子の列を含む）"
            + " / the population table the input is a sample of, with the quasi-identifier columns")
    private Path population;

    @Option(names = "--population-size", paramLabel = "N", description = "母集団の大きさ（ジャーナリスト・マーケターのリスク、"
            + "母集団一意の推定） / population size for the journalist's and marketer's risks and population uniqueness")
    private Long populationSize;

    @Option(names = "--tier", description = "anonymised なら公表事項を OUT の隣に書き出す / anonymised: write the statement"
            + " the law requires beside OUT (with --statement-title and --created-by)")
    private String tier;

    @Option(names = "--statement-title", description = "公表事項の表題 / title of the published statement")
    private String statementTitle;

    @Option(names = "--created-by", description = "作成者 / body that creates the data")
    private String createdBy;

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

    @Option(names = "--separator", paramLabel = "SEP",
            description = "区切り文字（, ; tab |）。省略すると見出し行から判定 / the separator: , ; tab or |; detected from"
                    + " the header line when not given")
    private String separator;

    @Option(names = "--metric", defaultValue = "loss", paramLabel = "NAME",
            description = "探索で最小化する有用性指標：loss・aecs・discernibility・precision・entropy（ARXと同じ定義） /"
                    + " utility metric the search minimises, as ARX defines it: loss, aecs, discernibility, precision or"
                    + " entropy (default loss)")
    private String metricName;

    @Option(names = "--gs-factor", paramLabel = "FACTOR", description = "一般化と削除の重み（0〜1、既定 0.5。0 は削除を、1 は"
            + "一般化を優先） / ARX's factor weighing generalization against suppression, 0 to 1 (default 0.5; 0 favours"
            + " suppression, 1 generalization)")
    private Double gsFactor;

    @Option(names = "--aggregate", paramLabel = "FUNCTION", description = "属性ごとの値の集約：geometric_mean・"
            + "arithmetic_mean・sum（既定は指標ごとにARXと同じ） / how the attributes' values combine: geometric_mean,"
            + " arithmetic_mean or sum (default: the metric's own, as in ARX)")
    private String aggregate;

    @Option(names = "--attribute-weight", paramLabel = "COLUMN=WEIGHT", description = "準識別子の重み（0 以上、既定 0.5、"
            + "最大で割る。loss・precision・entropy で有効） / weight of a quasi-identifier (≥ 0, default 0.5, divided by the"
            + " largest; counts for loss, precision and entropy); repeat per column")
    private LinkedHashMap<String, Double> attributeWeights = new LinkedHashMap<>();

    @Option(names = "--memory-budget-mb", description = "メモリ内エンジンが使えるヒープ（MB） / heap the in-memory engine may"
            + " use; default half of the free heap")
    private Long memoryBudgetMb;

    /** Set when the command starts ({@link #jsonWriterMadeAside}). */
    private CompletableFuture<ObjectWriter> reportJson;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        reportJson = jsonWriterMadeAside();
        DelimitedFile inputFile = DelimitedFile.detect(input, namedSeparator());
        checkColumns(inputFile);
        List<QuasiIdentifier> quasiIdentifierList = new ArrayList<>();
        quasiIdentifiers.forEach((column, hierarchy) ->
                quasiIdentifierList.add(new QuasiIdentifier(column, ArxHierarchyFile.read(hierarchy))));
        List<PrivacyModel> models = models();
        long budget = memoryBudgetMb == null ? EngineChoice.freeHeapShare(Runtime.getRuntime()) : memoryBudgetMb * 1024 * 1024;
        EngineChoice choice = EngineChoice.of("--engine", engine, inputFile.estimatedRows(), inputFile.header().size(), budget);
        if (choice.engine() == EngineChoice.Engine.SPARK) {
            return onSpark(inputFile, quasiIdentifierList, models, choice);
        }
        Table table = inputFile.read();
        Optional<TupleCounts> populationTable = populationCounts(quasiIdentifierList);
        AnonymizationConfiguration configuration = new AnonymizationConfiguration(quasiIdentifierList, models,
                suppressionLimit, metric(), populationTable);

        Optional<AnonymizationResult> anonymized = new Anonymizer(configuration).anonymize(table);
        if (anonymized.isEmpty()) {
            return unsatisfiable(models);
        }
        AnonymizationResult result = anonymized.get();
        IndependentVerifier verifier = new IndependentVerifier(quasiIdentifierList, models, suppressionLimit);
        if (populationTable.isPresent()) {
            verifier = verifier.withPopulation(populationTable.get());
        }
        // The output is written aside on another core while it is verified, and published only once verified.
        CompletableFuture<StagedFile> staging = CompletableFuture.supplyAsync(() -> stage(inputFile.sibling(output),
                result.output()));
        VerificationVerdict verdict;
        try {
            verdict = verifier.verify(table, result.output(), result.transformation());
        } catch (RuntimeException e) {
            discard(staging);
            throw e;
        }
        try (StagedFile staged = staged(staging)) {
            ReidentificationRisks risks = risks(verdict.classSizes(), table.rows().size());
            AnonymizationReport privacyReport = AnonymizationReport.of(input, table.rows().size(), models,
                    suppressionLimit, result.plan(), verdict, risks, choice);
            if (!verdict.satisfied()) {
                return violated(verdict);
            }
            staged.publish();
            writeStatement(models, result.transformation().toString(), table.columns());
            // The report last: a report on disk means its output is complete beside it.
            writeJson(privacyReport);
            System.out.println(privacyReport.summary());
            return 0;
        }
    }

    private static StagedFile stage(DelimitedFile file, Table rows) {
        try {
            return file.stage(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the staged output and deletes it; a write that failed has deleted its own. */
    private static void discard(CompletableFuture<StagedFile> staging) {
        try {
            staging.join().close();
        } catch (CompletionException e) {
            // The write failed as well; the failure being reported is the verification's.
        }
    }

    /** The staged output once written, or what stopped it. */
    private static StagedFile staged(CompletableFuture<StagedFile> staging) throws IOException {
        try {
            return staging.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException failure) {
                throw failure.getCause();
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The risks against the declared population size, or the input as its own population. */
    private ReidentificationRisks risks(List<Long> classSizes, long records) {
        long released = classSizes.stream().mapToLong(Long::longValue).sum();
        return new RiskAnalysis(riskThreshold).analyze(classSizes, Math.max(released,
                populationSize == null ? records : populationSize));
    }

    /** The population table, its rows counted, when --population is given. */
    private Optional<TupleCounts> populationCounts(List<QuasiIdentifier> quasiIdentifierList) throws IOException {
        if (population == null) {
            return Optional.empty();
        }
        Table rows = DelimitedFile.detect(population).read();
        List<String> columns = quasiIdentifierList.stream().map(QuasiIdentifier::column).toList();
        Map<List<String>, Long> counted = new LinkedHashMap<>();
        for (String[] row : rows.rows()) {
            List<String> key = new ArrayList<>();
            for (String column : columns) {
                key.add(row[rows.columnIndex(column)]);
            }
            counted.merge(key, 1L, Long::sum);
        }
        List<String[]> distinct = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        counted.forEach((key, count) -> {
            distinct.add(key.toArray(String[]::new));
            counts.add(count);
        });
        return Optional.of(new TupleCounts(columns, distinct, counts));
    }

    /** For --tier anonymised, the statement the law requires, beside OUT as {@code <OUT>.statement.md}. */
    private void writeStatement(List<PrivacyModel> models, String transformation, List<String> columns) {
        if (tier == null || PrivacyTier.fromCode(tier) != PrivacyTier.ANONYMISED) {
            return;
        }
        if (statementTitle == null || createdBy == null) {
            throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--tier anonymised には --statement-title と --created-by"
                    + " が必要です / --tier anonymised needs --statement-title and --created-by");
        }
        Map<String, String> generalization = new LinkedHashMap<>();
        quasiIdentifiers.forEach((column, hierarchy) -> generalization.put(column, "階層ファイル " + hierarchy.getFileName()
                + " に従って一般化する"));
        List<String> items = columns.stream().map(column -> column + "（" + column + "）").toList();
        new PublicStatement(statementTitle, createdBy, LocalDate.now(ZoneId.of("Asia/Tokyo")), output.getFileName().toString(),
                items, PublicStatement.processing(generalization, List.of(), models, suppressionLimit, transformation))
                .writeMarkdown(output.resolveSibling(output.getFileName() + ".statement.md"));
    }

    private int onSpark(DelimitedFile inputFile, List<QuasiIdentifier> quasiIdentifierList, List<PrivacyModel> models,
            EngineChoice choice) throws IOException {
        boolean ownSession = !SparkFileAnonymization.sessionRunning();
        SparkSession spark = SparkFileAnonymization.session();
        try {
            SparkFileAnonymization anonymization = new SparkFileAnonymization(spark);
            List<String> columns = quasiIdentifierList.stream().map(QuasiIdentifier::column).toList();
            Optional<Release> found = anonymization.anonymize(inputFile, new AnonymizationSpecification(columns,
                    valuesOf -> quasiIdentifierList, models, suppressionLimit, metric()));
            if (found.isEmpty()) {
                return unsatisfiable(models);
            }
            Release release = found.get();
            ReidentificationRisks risks = risks(release.verdict().classSizes(), release.plan().records());
            AnonymizationReport privacyReport = AnonymizationReport.of(input, release.plan().records(), models,
                    suppressionLimit, release.plan(), release.verdict(), risks, choice);
            if (!release.verdict().satisfied()) {
                return violated(release.verdict());
            }
            anonymization.write(release, inputFile.sibling(output));
            writeStatement(models, release.plan().transformation().toString(), inputFile.header());
            writeJson(privacyReport);
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
        entropyLDiversity.forEach((column, l) -> models.add(new EntropyLDiversity(column, l)));
        recursiveDiversity.forEach((column, parameters) -> {
            String[] cl = parameters.split(",");
            if (cl.length != 2) {
                throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--recursive-cl-diversity " + column + "=" + parameters
                        + ": C,L が必要です / give C,L, e.g. " + column + "=3,2");
            }
            models.add(new RecursiveCLDiversity(column, Double.parseDouble(cl[0].trim()), Integer.parseInt(cl[1].trim())));
        });
        orderedTCloseness.forEach((column, t) -> models.add(new TCloseness(column, t, new GroundDistance.Ordered())));
        if (kMap != null) {
            if (population != null) {
                models.add(new KMap(kMap));
            } else if (populationSize != null) {
                // Without a population table, ARX's Poisson estimate turns k-map into k'-anonymity of the sample.
                long records = inputRecords();
                models.add(new KAnonymity(Math.max(2, KMap.estimatedK(kMap, 0.01, (double) records / populationSize,
                        KMap.CellSizeEstimator.POISSON, records))));
            } else {
                throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--k-map には --population か --population-size が"
                        + "必要です / --k-map needs --population or --population-size");
            }
        }
        if (deltaPresence != null) {
            String[] bounds = deltaPresence.split(",");
            if (population == null || bounds.length != 2) {
                throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--delta-presence MIN,MAX には --population が"
                        + "必要です / --delta-presence MIN,MAX needs --population");
            }
            models.add(new DeltaPresence(Double.parseDouble(bounds[0].trim()), Double.parseDouble(bounds[1].trim())));
        }
        for (Map.Entry<String, Double> entry : tCloseness.entrySet()) {
            Path hierarchy = sensitiveHierarchies.get(entry.getKey());
            GroundDistance distance;
            if (hierarchy == null) {
                distance = new GroundDistance.Equal();
            } else {
                distance = new GroundDistance.Hierarchical(ArxHierarchyFile.read(hierarchy));
            }
            models.add(new TCloseness(entry.getKey(), entry.getValue(), distance));
        }
        return models;
    }

    private long inputRecords() {
        try {
            return DelimitedFile.detect(input).read().rows().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written whole into a temporary file, then moved into place: never half a report. */
    private void writeJson(AnonymizationReport privacyReport) throws IOException {
        try (StagedFile staged = StagedFile.beside(report)) {
            reportJson.join().writeValue(staged.partial().toFile(), privacyReport);
            staged.publish();
        }
    }

    /**
     * The report's JSON writer, made on a thread of its own while the command reads and searches: Jackson builds its
     * serializers of the report by reflection, a tenth of a second on a JVM just started, and a core is often idle
     * meanwhile.
     */
    private static CompletableFuture<ObjectWriter> jsonWriterMadeAside() {
        return CompletableFuture.supplyAsync(
                () -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writerFor(AnonymizationReport.class),
                task -> {
                    Thread thread = new Thread(task, "report-json");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /** What can be checked before reading a row: every mistake in the options is one line, and nothing is written. */
    private void checkOptions() {
        if (k < 1) {
            throw invalid("--k は 1 以上 / --k must be at least 1, got " + k);
        }
        if (!(suppressionLimit >= 0 && suppressionLimit < 1)) {
            throw invalid("--suppression-limit は 0 以上 1 未満 / --suppression-limit must be in [0, 1), got " + suppressionLimit);
        }
        Path absoluteInput = input.toAbsolutePath().normalize();
        if (absoluteInput.equals(output.toAbsolutePath().normalize()) || absoluteInput.equals(report.toAbsolutePath().normalize())
                || output.toAbsolutePath().normalize().equals(report.toAbsolutePath().normalize())) {
            throw invalid("入力・--out・--report は別のファイルに / the input, --out and --report must be three different files");
        }
        metric();
        if (tier != null && PrivacyTier.fromCode(tier) == PrivacyTier.ANONYMISED && (statementTitle == null || createdBy == null)) {
            throw invalid("--tier anonymised には --statement-title と --created-by が必要です / --tier anonymised needs"
                    + " --statement-title and --created-by");
        }
    }

    /** The utility metric the options declare; each mistake is refused in one line naming its option. */
    private UtilityMetric metric() {
        UtilityMetric metric;
        try {
            metric = UtilityMetric.named(metricName);
        } catch (IllegalArgumentException e) {
            throw invalid("--metric: " + e.getMessage());
        }
        if (gsFactor != null) {
            try {
                metric = metric.withGsFactor(gsFactor);
            } catch (IllegalArgumentException e) {
                throw invalid("--gs-factor は 0 以上 1 以下 / --gs-factor: " + e.getMessage());
            }
        }
        if (aggregate != null) {
            AggregateFunction function = AggregateFunction.named(aggregate).orElseThrow(() -> invalid("--aggregate は geometric_mean・arithmetic_mean・sum のいずれか / --aggregate must be"
                            + " geometric_mean, arithmetic_mean or sum, got '" + aggregate + "'"));
            metric = metric.withAggregateFunction(function);
        }
        for (String column : attributeWeights.keySet()) {
            if (!quasiIdentifiers.containsKey(column)) {
                throw invalid("--attribute-weight " + column + ": 準識別子ではありません / not a quasi-identifier; the --qi"
                        + " columns are " + quasiIdentifiers.keySet());
            }
        }
        try {
            return metric.withAttributeWeights(attributeWeights);
        } catch (IllegalArgumentException e) {
            throw invalid("--attribute-weight: " + e.getMessage());
        }
    }

    private Optional<Character> namedSeparator() {
        if (separator == null) {
            return Optional.empty();
        }
        return switch (separator) {
            case ",", ";", "|" -> Optional.of(separator.charAt(0));
            case "tab", "\\t", "\t" -> Optional.of('\t');
            default -> throw invalid("--separator は , ; tab | のいずれか / --separator must be one of , ; tab |, got '" + separator + "'");
        };
    }

    /** Every column the options name must be in the header, or the person learns which columns there are. */
    private void checkColumns(DelimitedFile inputFile) throws IOException {
        List<String> header = inputFile.header();
        List<String> named = new ArrayList<>(quasiIdentifiers.keySet());
        named.addAll(lDiversity.keySet());
        named.addAll(entropyLDiversity.keySet());
        named.addAll(recursiveDiversity.keySet());
        named.addAll(tCloseness.keySet());
        named.addAll(orderedTCloseness.keySet());
        for (String column : named) {
            if (!header.contains(column)) {
                throw new LakeException(ErrorCategory.INVALID_ARGUMENT, input + ": 列 " + column + " がありません / no column "
                        + column + "; the header has " + inputFile.describeColumns(header));
            }
        }
    }

    private static LakeException invalid(String message) {
        return new LakeException(ErrorCategory.INVALID_ARGUMENT, message);
    }
}
