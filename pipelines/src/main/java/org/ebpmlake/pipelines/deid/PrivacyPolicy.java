package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ebpmlake.anonymize.DistinctLDiversity;
import org.ebpmlake.anonymize.EntropyLDiversity;
import org.ebpmlake.anonymize.GroundDistance;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.RecursiveCLDiversity;
import org.ebpmlake.anonymize.TCloseness;
import org.ebpmlake.anonymize.risk.RiskThresholds;
import org.ebpmlake.anonymize.hierarchy.GroupingHierarchyBuilder;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.hierarchy.IntervalHierarchyBuilder;
import org.ebpmlake.anonymize.hierarchy.MaskingHierarchyBuilder;
import org.ebpmlake.anonymize.search.AggregateFunction;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.UtilityMetric;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.PrivacyTier;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * How one personal dataset is published in the deid zone, declared in {@code conf/privacy/<dataset>.yaml}:
 * the Spark SQL that shapes one row per person (or per person and period) from curated tables, its
 * quasi-identifiers with their generalization hierarchies, the privacy models every published equivalence
 * class must meet, the suppression limit, and the risk threshold of the report.
 *
 * @param source Spark SQL over curated tables; {@code ${curated}} stands for the curated namespace in the lake's
 *     catalog and {@code ${as_of}} for the as-of date
 */
public record PrivacyPolicy(String dataset, String publishes, PrivacyTier tier, String source, int kAnonymity,
        Optional<LDiversitySpecification> lDiversity, Optional<TClosenessSpecification> tCloseness,
        double suppressionLimit, double riskThreshold, Map<String, HierarchySpecification> quasiIdentifiers,
        Map<String, TopCoding> topCoding, Optional<StatementSpecification> statement,
        Optional<PopulationSpecification> population, Map<String, Double> riskThresholds,
        Optional<UtilityMetricSpecification> utilityMetric) {

    public PrivacyPolicy {
        requireNonNull(dataset, "dataset is null");
        if (tier == null) {
            throw new IllegalArgumentException("policy of " + dataset + ": tier is required: pseudonymised (仮名加工情報,"
                    + " internal analysis) or anonymised (匿名加工情報, publication and provision outside)");
        }
        topCoding = Collections.unmodifiableMap(new LinkedHashMap<>(topCoding == null ? Map.of() : topCoding));
        statement = statement == null ? Optional.empty() : statement;
        population = population == null ? Optional.empty() : population;
        utilityMetric = utilityMetric == null ? Optional.empty() : utilityMetric;
        riskThresholds = Collections.unmodifiableMap(new LinkedHashMap<>(riskThresholds == null ? Map.of() : riskThresholds));
        for (String measure : riskThresholds.keySet()) {
            if (!RiskThresholds.MEASURES.contains(measure)) {
                throw new IllegalArgumentException("policy of " + dataset + ": risk_thresholds has no measure '" + measure
                        + "'; the measures are " + RiskThresholds.MEASURES);
            }
        }
        requireNonNull(publishes, "publishes is null");
        requireNonNull(source, "source is null");
        requireNonNull(lDiversity, "lDiversity is null");
        requireNonNull(tCloseness, "tCloseness is null");
        if (kAnonymity < 2) {
            throw new IllegalArgumentException("policy of " + dataset + ": k_anonymity must be at least 2");
        }
        if (!(suppressionLimit >= 0 && suppressionLimit < 1)) {
            throw new IllegalArgumentException("policy of " + dataset + ": suppression_limit must be in [0, 1)");
        }
        if (!publishes.startsWith("deid.")) {
            throw new IllegalArgumentException("policy of " + dataset + ": publishes must name a deid table, not " + publishes);
        }
        // Declaration order is the order of the lattice's dimensions and of the reports.
        quasiIdentifiers = Collections.unmodifiableMap(new LinkedHashMap<>(
                requireNonNull(quasiIdentifiers, "quasiIdentifiers is null")));
        if (quasiIdentifiers.isEmpty()) {
            throw new IllegalArgumentException("policy of " + dataset + " names no quasi-identifier");
        }
        for (String attribute : utilityMetric.map(UtilityMetricSpecification::weights).orElse(Map.of()).keySet()) {
            if (!quasiIdentifiers.containsKey(attribute)) {
                throw new IllegalArgumentException("policy of " + dataset + ": utility_metric weighs " + attribute
                        + ", which is not a quasi-identifier; the quasi-identifiers are " + quasiIdentifiers.keySet());
            }
        }
    }

    /**
     * The utility metric the search minimises, as ARX offers them: {@code name} is loss, aecs, discernibility,
     * precision or entropy; {@code gs_factor} (0..1, default 0.5) weighs generalization against suppression;
     * {@code aggregate} (geometric_mean, arithmetic_mean or sum) combines the attributes, by default the metric's
     * own as in ARX; {@code weights} are ARX's attribute weights (default 0.5 each, divided by the largest).
     */
    public record UtilityMetricSpecification(String name, Optional<Double> gsFactor, Optional<String> aggregate,
            Map<String, Double> weights) {
        public UtilityMetricSpecification {
            if (name == null) {
                throw new IllegalArgumentException("utility_metric needs a name: one of "
                        + String.join(", ", UtilityMetric.Kind.labels()));
            }
            gsFactor = gsFactor == null ? Optional.empty() : gsFactor;
            aggregate = aggregate == null ? Optional.empty() : aggregate;
            weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights == null ? Map.of() : weights));
            // Refused here, at load time, rather than when the pipeline reaches the search.
            metricOf(name, gsFactor, aggregate, weights);
        }

        public UtilityMetric metric() {
            return metricOf(name, gsFactor, aggregate, weights);
        }

        private static UtilityMetric metricOf(String name, Optional<Double> gsFactor, Optional<String> aggregate,
                Map<String, Double> weights) {
            UtilityMetric metric = UtilityMetric.named(name).withAttributeWeights(weights);
            if (gsFactor.isPresent()) {
                metric = metric.withGsFactor(gsFactor.get());
            }
            if (aggregate.isPresent()) {
                metric = metric.withAggregateFunction(AggregateFunction.named(aggregate.get()).orElseThrow(() ->
                        new IllegalArgumentException("utility_metric aggregate must be geometric_mean, arithmetic_mean"
                                + " or sum, not " + aggregate.get())));
            }
            return metric;
        }
    }

    /** The utility metric the search minimises: the declared one, or ARX's Loss. */
    public UtilityMetric metric() {
        return utilityMetric.map(UtilityMetricSpecification::metric).orElseGet(UtilityMetric::loss);
    }

    /**
     * Top and bottom coding of one numeric column (特異な記述の削除): values above {@code top} become {@code top},
     * values below {@code bottom} become {@code bottom}, so no outlier singles a person out.
     */
    public record TopCoding(Optional<Double> top, Optional<Double> bottom) {
        public TopCoding {
            top = top == null ? Optional.empty() : top;
            bottom = bottom == null ? Optional.empty() : bottom;
            if (top.isEmpty() && bottom.isEmpty()) {
                throw new IllegalArgumentException("top_coding needs top, bottom or both");
            }
            if (top.isPresent() && bottom.isPresent() && bottom.get() > top.get()) {
                throw new IllegalArgumentException("top_coding: bottom " + bottom.get() + " is above top " + top.get());
            }
        }
    }

    /**
     * What the published statement of an anonymised table names besides what the policy says itself: its title and
     * the body that creates it (作成者).
     */
    public record StatementSpecification(String title, String createdBy) {
        public StatementSpecification {
            requireNonNull(title, "statement title is null");
            requireNonNull(createdBy, "statement created_by is null");
        }
    }

    /**
     * The population the published records are drawn from, for the journalist's and marketer's risks and the
     * population-uniqueness estimates: its size, or the sampling fraction; absent, the source is the whole
     * population (a resident extract of the whole registry).
     */
    public record PopulationSpecification(Optional<Long> size, Optional<Double> samplingFraction) {
        public PopulationSpecification {
            size = size == null ? Optional.empty() : size;
            samplingFraction = samplingFraction == null ? Optional.empty() : samplingFraction;
            if (size.isPresent() == samplingFraction.isPresent()) {
                throw new IllegalArgumentException("population needs exactly one of size and sampling_fraction");
            }
            samplingFraction.filter(fraction -> !(fraction > 0 && fraction <= 1)).ifPresent(fraction -> {
                throw new IllegalArgumentException("population sampling_fraction must be in (0, 1], got " + fraction);
            });
        }

        /** The population's size for a release drawn from {@code records} source records. */
        public long sizeFor(long records) {
            return size.orElseGet(() -> Math.max(records, Math.round(records / samplingFraction.orElseThrow())));
        }
    }

    /** The same policy with other k and suppression limit, as a steward would try. */
    public PrivacyPolicy withKAnonymity(int k, double limit) {
        return new PrivacyPolicy(dataset, publishes, tier, source, k, lDiversity, tCloseness, limit, riskThreshold,
                quasiIdentifiers, topCoding, statement, population, riskThresholds, utilityMetric);
    }

    /** The same policy over another source query. */
    public PrivacyPolicy withSource(String otherSource) {
        return new PrivacyPolicy(dataset, publishes, tier, otherSource, kAnonymity, lDiversity, tCloseness, suppressionLimit,
                riskThreshold, quasiIdentifiers, topCoding, statement, population, riskThresholds, utilityMetric);
    }

    /** The same policy with risk thresholds. */
    public PrivacyPolicy withRiskThresholds(Map<String, Double> thresholds) {
        return new PrivacyPolicy(dataset, publishes, tier, source, kAnonymity, lDiversity, tCloseness, suppressionLimit,
                riskThreshold, quasiIdentifiers, topCoding, statement, population, thresholds, utilityMetric);
    }

    /** Distinct, entropy or recursive-(c,l) diversity of one sensitive column. */
    public record LDiversitySpecification(String column, double l, String variant, Optional<Double> c) {
        public LDiversitySpecification {
            requireNonNull(column, "column is null");
            requireNonNull(variant, "variant is null");
            requireNonNull(c, "c is null");
            if (!List.of("distinct", "entropy", "recursive").contains(variant)) {
                throw new IllegalArgumentException("l_diversity variant must be distinct, entropy or recursive, not " + variant);
            }
            if (variant.equals("recursive") && c.isEmpty()) {
                throw new IllegalArgumentException("recursive (c,l)-diversity needs c");
            }
        }

        PrivacyModel model() {
            return switch (variant) {
                case "distinct" -> new DistinctLDiversity(column, (int) l);
                case "entropy" -> new EntropyLDiversity(column, l);
                default -> new RecursiveCLDiversity(column, c.orElseThrow(), (int) l);
            };
        }
    }

    /**
     * t-closeness of one sensitive column: under the equal ground distance, or the hierarchical one when an ARX
     * hierarchy file of the column is given (relative to the policy's folder).
     */
    public record TClosenessSpecification(String column, double t, Optional<String> hierarchyFile) {
        public TClosenessSpecification {
            requireNonNull(column, "column is null");
            requireNonNull(hierarchyFile, "hierarchyFile is null");
        }

        GroundDistance groundDistance() {
            return hierarchyFile.<GroundDistance>map(file -> new GroundDistance.Hierarchical(ArxHierarchyFile.read(Path.of(file))))
                    .orElseGet(GroundDistance.Equal::new);
        }

        TClosenessSpecification resolvedAgainst(Path directory) {
            return new TClosenessSpecification(column, t, hierarchyFile.map(file -> directory.resolve(file).toString()));
        }
    }

    /**
     * How one quasi-identifier is generalized: exactly one of the six forms. {@code file} is an ARX hierarchy
     * CSV, relative to the policy's folder, so a steward's ARX hierarchies serve unchanged.
     */
    public record HierarchySpecification(Optional<IntervalSpecification> interval, boolean masking, boolean suppressOnly,
            boolean keep, Optional<String> groups, Optional<String> file) {
        public HierarchySpecification {
            requireNonNull(interval, "interval is null");
            requireNonNull(groups, "groups is null");
            requireNonNull(file, "file is null");
            int forms = (interval.isPresent() ? 1 : 0) + (masking ? 1 : 0) + (suppressOnly ? 1 : 0) + (keep ? 1 : 0)
                    + (groups.isPresent() ? 1 : 0) + (file.isPresent() ? 1 : 0);
            if (forms != 1) {
                throw new IllegalArgumentException(
                        "a hierarchy is exactly one of interval, masking, suppress_only, keep, groups or file");
            }
        }

        /** How the column is generalized, in Japanese, for the published statement. */
        String describeJa() {
            if (interval.isPresent()) {
                IntervalSpecification spec = interval.get();
                return spec.widths() + " 刻みの区間に一般化し、" + spec.openFrom() + " 以上はひとつの区間にまとめる";
            }
            if (masking) {
                return "コードを右の桁から伏せて（*）一般化する";
            }
            if (suppressOnly) {
                return "必要なときは値全体を伏せる（*）";
            }
            if (keep) {
                return "公開の単位としてそのまま用いる";
            }
            if (groups.isPresent()) {
                return "上位の区分（例：学校種別）に一般化し、必要なときは伏せる（*）";
            }
            return "階層ファイル " + Path.of(file.orElseThrow()).getFileName() + " に従って一般化する";
        }

        HierarchySpecification resolvedAgainst(Path directory) {
            return new HierarchySpecification(interval, masking, suppressOnly, keep, groups,
                    file.map(path -> directory.resolve(path).toString()));
        }

        /**
         * The hierarchy over the values that occur. {@code groups} is a query whose first column is the value and
         * each further column the next level's group; {@code keep} never generalizes (a period or subject the
         * table is published per).
         */
        Hierarchy build(List<String> values, Function<String, List<List<String>>> query) {
            if (interval.isPresent()) {
                IntervalSpecification spec = interval.get();
                int maximum = values.stream().mapToInt(Integer::parseInt).max().orElse(spec.minimum());
                return new IntervalHierarchyBuilder(spec.minimum(), spec.openFrom(), spec.widths()).build(Math.max(maximum, spec.minimum()));
            }
            if (masking) {
                return new MaskingHierarchyBuilder('*').build(values);
            }
            if (keep) {
                return new Hierarchy(values.stream().map(List::of).toList());
            }
            if (groups.isPresent()) {
                return groupHierarchy(values, query.apply(groups.get()));
            }
            if (file.isPresent()) {
                return ArxHierarchyFile.read(Path.of(file.get()));
            }
            return new GroupingHierarchyBuilder().build(values);
        }

        private static Hierarchy groupHierarchy(List<String> values, List<List<String>> rows) {
            GroupingHierarchyBuilder builder = new GroupingHierarchyBuilder();
            int levels = rows.isEmpty() ? 0 : rows.get(0).size() - 1;
            for (int level = 0; level < levels; level++) {
                Map<String, String> groupOf = new LinkedHashMap<>();
                for (List<String> row : rows) {
                    groupOf.put(row.get(level), row.get(level + 1));
                }
                builder.level(groupOf);
            }
            return builder.build(values);
        }
    }

    /** Interval widths for whole numbers, finest first, with one open top interval. */
    public record IntervalSpecification(int minimum, int openFrom, List<Integer> widths) {
        public IntervalSpecification {
            widths = List.copyOf(requireNonNull(widths, "widths is null"));
        }
    }

    /**
     * Reads {@code <name>.yaml} (a dataset may have one policy per tier, e.g. {@code residents.yaml} and
     * {@code residents_internal.yaml}) and checks it against its tier's rules; a policy that claims a tier it does
     * not meet is refused here, naming the rule it breaks.
     */
    public static PrivacyPolicy load(Path directory, String name) {
        return load(directory, name, DatasetCatalog.load());
    }

    public static PrivacyPolicy load(Path directory, String name, DatasetCatalog catalog) {
        Path file = directory.resolve(name + ".yaml");
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).registerModule(new Jdk8Module())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        PrivacyPolicy policy;
        try {
            policy = mapper.readValue(file.toFile(), PrivacyPolicy.class).resolvedAgainst(directory);
        } catch (ValueInstantiationException e) {
            // A value the policy's records refuse: their own one-line reason, with the file and line, not Jackson's.
            if (e.getCause() instanceof IllegalArgumentException refused) {
                String line = "";
                if (e.getLocation() != null) {
                    line = ", line " + e.getLocation().getLineNr();
                }
                throw new IllegalArgumentException("privacy policy " + file + line + ": " + refused.getMessage(), e);
            }
            throw new UncheckedIOException("cannot read the privacy policy " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the privacy policy " + file + ": " + e.getMessage(), e);
        }
        TierRules.of(catalog).check(policy, file);
        return policy;
    }

    /** Every policy in the directory, by file name. */
    public static List<PrivacyPolicy> loadAll(Path directory) {
        DatasetCatalog catalog = DatasetCatalog.load();
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted()
                    .map(name -> load(directory, name.substring(0, name.length() - ".yaml".length()), catalog)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the privacy policies in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The policy with its hierarchy files resolved against the folder it was read from. */
    private PrivacyPolicy resolvedAgainst(Path directory) {
        Map<String, HierarchySpecification> resolved = new LinkedHashMap<>();
        quasiIdentifiers.forEach((column, specification) -> resolved.put(column, specification.resolvedAgainst(directory)));
        return new PrivacyPolicy(dataset, publishes, tier, source, kAnonymity, lDiversity,
                tCloseness.map(specification -> specification.resolvedAgainst(directory)), suppressionLimit, riskThreshold, resolved,
                topCoding, statement, population, riskThresholds, utilityMetric);
    }

    public TableName table() {
        return new TableName(Zone.DEID, publishes.substring("deid.".length()));
    }

    /** The source query with the lake's curated namespace and the as-of date filled in. */
    public String sourceSql(String catalog, LocalDate asOf) {
        return source.replace("${curated}", catalog + ".curated").replace("${as_of}", asOf.toString());
    }

    /** k-anonymity, then the sensitive-attribute models the policy adds. */
    public List<PrivacyModel> models() {
        List<PrivacyModel> models = new ArrayList<>();
        models.add(new KAnonymity(kAnonymity));
        lDiversity.ifPresent(specification -> models.add(specification.model()));
        tCloseness.ifPresent(specification -> models.add(
                new TCloseness(specification.column(), specification.t(), specification.groundDistance())));
        return models;
    }

    /**
     * What the engines need from this policy.
     *
     * @param query runs a {@code groups} query (already given the curated namespace) and returns its rows
     */
    public AnonymizationSpecification specification(Function<String, List<List<String>>> query) {
        requireNonNull(query, "query is null");
        return new AnonymizationSpecification(List.copyOf(quasiIdentifiers.keySet()),
                valuesOf -> quasiIdentifiers(valuesOf, query), models(), suppressionLimit, metric());
    }

    /** The model as the report names it, e.g. {@code k-anonymity + distinct-l-diversity}. */
    public String modelName() {
        List<String> names = new ArrayList<>(List.of("k-anonymity"));
        lDiversity.ifPresent(specification -> names.add(specification.variant() + "-l-diversity"));
        tCloseness.ifPresent(specification -> names.add("t-closeness"));
        return String.join(" + ", names);
    }

    /** The models' parameters as the report stores them, in JSON. */
    public String parametersJson() {
        StringBuilder json = new StringBuilder("{\"k\":" + kAnonymity);
        lDiversity.ifPresent(specification -> json.append(",\"l_diversity\":{\"column\":\"").append(specification.column())
                .append("\",\"l\":").append(specification.l()).append(",\"variant\":\"").append(specification.variant())
                .append('"').append(specification.c().map(c -> ",\"c\":" + c).orElse("")).append('}'));
        tCloseness.ifPresent(specification -> json.append(",\"t_closeness\":{\"column\":\"").append(specification.column())
                .append("\",\"t\":").append(specification.t()).append(",\"ground_distance\":\"")
                .append(specification.hierarchyFile().isPresent() ? "hierarchical" : "equal").append("\"}"));
        json.append(",\"suppression_limit\":").append(suppressionLimit);
        topCoding.forEach((column, coding) -> json.append(",\"top_coding_").append(column).append("\":{")
                .append(coding.top().map(top -> "\"top\":" + top).orElse(""))
                .append(coding.top().isPresent() && coding.bottom().isPresent() ? "," : "")
                .append(coding.bottom().map(bottom -> "\"bottom\":" + bottom).orElse("")).append('}'));
        return json.append('}').toString();
    }

    /**
     * The quasi-identifiers in declaration order, with hierarchies over the values that occur.
     *
     * @param valuesOf the distinct values of a column, sorted
     * @param query runs a {@code groups} query (already given the curated namespace) and returns its rows
     */
    public List<QuasiIdentifier> quasiIdentifiers(Function<String, List<String>> valuesOf, Function<String, List<List<String>>> query) {
        List<QuasiIdentifier> result = new ArrayList<>();
        quasiIdentifiers.forEach((column, specification) ->
                result.add(new QuasiIdentifier(column, specification.build(valuesOf.apply(column), query))));
        return result;
    }
}
