package org.ebpmlake.anonymize.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.junit.jupiter.api.Test;

/**
 * Each utility metric on a table small enough to compute by hand, and the search following the metric and the
 * weights. Hierarchies (those of {@link AnonymizerTest}): zip 1001, 1002 → 100* → * (domain 2) and age 21, 22 → 20-29, 31, 32 → 30-39, then *
 * (domain 4). The six records 1001/21 ×2, 1001/22, 1002/31, 1002/32 ×2 at the bottom node {0, 0} under 2-anonymity
 * keep the classes 1001/21 and 1002/32 and suppress 1001/22 and 1002/31, within a limit of 2 of 6 records.
 */
class UtilityMetricsTest {
    private static final Hierarchy ZIP = AnonymizerTest.ZIP;
    private static final Hierarchy AGE = AnonymizerTest.AGE;
    private static final List<QuasiIdentifier> ZIP_AND_AGE = AnonymizerTest.ZIP_AND_AGE;
    private static final Table SIX = table("1001,21", "1001,21", "1001,22", "1002,31", "1002,32", "1002,32");
    /** Suppresses up to floor(0.34 × 6) = 2 records. */
    private static final double TWO_OF_SIX = 0.34;
    private static final int[] BOTTOM = {0, 0};
    private static final int[] AGE_BANDS = {0, 1};

    private static Table table(String... rows) {
        List<String[]> cells = new ArrayList<>();
        for (String row : rows) {
            cells.add(row.split(","));
        }
        return new Table(List.of("zip", "age"), cells);
    }

    private static AnonymizationConfiguration configuration(UtilityMetric metric, double limit) {
        return new AnonymizationConfiguration(ZIP_AND_AGE, List.of(new KAnonymity(2)), limit).withMetric(metric);
    }

    /** The engine's own evaluation of one node, as the search sees it. */
    private static NodeEvaluation evaluate(UtilityMetric metric, double limit, int[] levels) {
        AnonymizationConfiguration configuration = configuration(metric, limit);
        EncodedInput input = EncodedInput.of(SIX, configuration);
        return new ClassGrouping(input, NodeMetric.of(input, configuration), configuration.maximumSuppressed(input.records))
                .evaluate(levels);
    }

    private static double value(UtilityMetric metric, int[] levels) {
        NodeEvaluation evaluation = evaluate(metric, TWO_OF_SIX, levels);
        assertThat(evaluation.anonymous()).isTrue();
        return evaluation.loss();
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    @Test
    void lossCountsASuppressedRecordAsAWholeShareAtTheDefaultGsFactor() {
        // zip: kept 4 × ½ + suppressed 2 × 1 = 4, minimum 6 / 2 = 3 → (4 − 3) / (6 − 3) = ⅓.
        // age: kept 4 × ¼ + 2 = 3, minimum 6 / 4 = 1.5 → 1.5 / 4.5 = ⅓. Geometric mean: √(4/3 × 4/3) − 1 = ⅓.
        NodeEvaluation evaluation = evaluate(UtilityMetric.loss(), TWO_OF_SIX, BOTTOM);

        assertThat(evaluation.suppressedRecords()).isEqualTo(2);
        assertThat(evaluation.attributeLosses()).containsExactly(1.0 / 3, 1.0 / 3);
        assertThat(evaluation.loss()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void lossWeighsSuppressionByTheGsFactorAsArxDoes() {
        // gs 0.25: g = 1, s = 0.5. zip: 2 + (1 + 0.5 × (2 − 1)) = 3.5 → 0.5 / 3 = ⅙; age: 1 + (0.5 + 0.5 × 1.5) = 2.25
        // → 0.75 / 4.5 = ⅙.
        assertThat(value(UtilityMetric.loss().withGsFactor(0.25), BOTTOM)).isCloseTo(1.0 / 6, within(1e-12));
        // gs 0.75: g = 0.5, s = 1. zip: 0.5 × 2 + 2 = 3, minimum 0.5 × 3 = 1.5 → 1.5 / 4.5; age: 0.5 + 2 = 2.5, minimum
        // 0.75 → 1.75 / 5.25. Both ⅓.
        assertThat(value(UtilityMetric.loss().withGsFactor(0.75), BOTTOM)).isCloseTo(1.0 / 3, within(1e-12));
        // gs 0: suppression is free and level 0 costs nothing.
        assertThat(value(UtilityMetric.loss().withGsFactor(0), BOTTOM)).isEqualTo(0);
    }

    @Test
    void averageClassSizeCountsTheSuppressedRecordsAsOneMoreClass() {
        // 6 records / (2 kept classes + 1) = 2; with gs 0.25 the kept classes count s = 0.5 each: 6 / (1 + 1) = 3.
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.AECS), BOTTOM)).isEqualTo(2);
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.AECS).withGsFactor(0.25), BOTTOM)).isEqualTo(3);
        // Age bands without suppression: two classes of three.
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.AECS), AGE_BANDS)).isEqualTo(3);
    }

    @Test
    void discernibilityChargesEachSuppressedRecordTheWholeTable() {
        // 2² + 2² + 2 suppressed × 6 = 20; age bands: 3² + 3² = 18.
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.DISCERNIBILITY), BOTTOM)).isEqualTo(20);
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.DISCERNIBILITY), AGE_BANDS)).isEqualTo(18);
    }

    @Test
    void precisionAveragesLevelOverHeightAndChargesSuppressedRecordsInFull() {
        // Bottom: per attribute (4 × 0 + 2 × 1) / 6 = ⅓, arithmetic mean ⅓. Age bands: zip 0, age (6 × ½) / 6 = ½ → ¼.
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.PRECISION), BOTTOM)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.PRECISION), AGE_BANDS)).isCloseTo(0.25, within(1e-12));
        // Weights zip 1, age 0.25 (already normalized): 0 × 1 / 2 + ½ × 0.25 / 2 = 0.0625.
        UtilityMetric weighted = UtilityMetric.of(UtilityMetric.Kind.PRECISION)
                .withAttributeWeights(Map.of("zip", 1.0, "age", 0.25));
        assertThat(value(weighted, AGE_BANDS)).isCloseTo(0.0625, within(1e-12));
    }

    @Test
    void entropyChargesGeneralizedValuesByTheirShareAndSuppressedOnesAmongTheSuppressed() {
        // Bottom: generalization costs nothing; the suppressed records' zips 1001, 1002 and ages 22, 31 are one
        // each of two: 2 × log₂ 2 per attribute, 4 bits in all.
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.ENTROPY), BOTTOM)).isCloseTo(4, within(1e-12));
        // Age bands: 21 is 2 of the 3 records in 20-29, 22 is 1 of 3, and alike in 30-39.
        double ageBands = 2 * (2 * log2(3.0 / 2) + log2(3));
        assertThat(value(UtilityMetric.of(UtilityMetric.Kind.ENTROPY), AGE_BANDS)).isCloseTo(ageBands, within(1e-12));
        // Weights zip 2, age 1 normalize to 1 and ½, and the sum weighs age's entropy by ½.
        UtilityMetric weighted = UtilityMetric.of(UtilityMetric.Kind.ENTROPY)
                .withAttributeWeights(Map.of("zip", 2.0, "age", 1.0));
        assertThat(value(weighted, AGE_BANDS)).isCloseTo(ageBands / 2, within(1e-12));
    }

    private static int[] optimumLevels(Table table, AnonymizationConfiguration configuration) {
        AnonymizationResult result = new Anonymizer(configuration).anonymize(table).orElseThrow();
        return result.transformation().levels().stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void theOptimumFollowsTheMetric() {
        // Loss, discernibility and precision prefer the age bands (no suppression); AECS and entropy prefer keeping
        // every value and suppressing two records; Loss with free suppression (gs 0) does too.
        assertThat(optimumLevels(SIX, configuration(UtilityMetric.loss(), TWO_OF_SIX))).containsExactly(AGE_BANDS);
        assertThat(optimumLevels(SIX, configuration(UtilityMetric.of(UtilityMetric.Kind.DISCERNIBILITY), TWO_OF_SIX)))
                .containsExactly(AGE_BANDS);
        assertThat(optimumLevels(SIX, configuration(UtilityMetric.of(UtilityMetric.Kind.PRECISION), TWO_OF_SIX)))
                .containsExactly(AGE_BANDS);
        assertThat(optimumLevels(SIX, configuration(UtilityMetric.of(UtilityMetric.Kind.AECS), TWO_OF_SIX)))
                .containsExactly(BOTTOM);
        assertThat(optimumLevels(SIX, configuration(UtilityMetric.of(UtilityMetric.Kind.ENTROPY), TWO_OF_SIX)))
                .containsExactly(BOTTOM);
        assertThat(optimumLevels(SIX, configuration(UtilityMetric.loss().withGsFactor(0), TWO_OF_SIX)))
                .containsExactly(BOTTOM);
    }

    @Test
    void aHeavyWeightKeepsItsAttributeFiner() {
        // 1001/21, 1002/21, 1001/22, 1002/22: the least 2-anonymous nodes are {zip 1, age 0} and {zip 0, age 1},
        // equal under unweighted precision (½ on one attribute each).
        Table crossed = table("1001,21", "1002,21", "1001,22", "1002,22");
        UtilityMetric precision = UtilityMetric.of(UtilityMetric.Kind.PRECISION);

        assertThat(optimumLevels(crossed, configuration(precision.withAttributeWeights(Map.of("zip", 1.0, "age", 0.1)), 0)))
                .containsExactly(0, 1);
        assertThat(optimumLevels(crossed, configuration(precision.withAttributeWeights(Map.of("age", 1.0, "zip", 0.1)), 0)))
                .containsExactly(1, 0);
    }

    @Test
    void theResultStatesTheOptimisedMetricBesideArxLoss() {
        AnonymizationResult result = new Anonymizer(configuration(UtilityMetric.of(UtilityMetric.Kind.AECS), TWO_OF_SIX))
                .anonymize(SIX).orElseThrow();

        assertThat(result.optimised().metric().kind()).isEqualTo(UtilityMetric.Kind.AECS);
        assertThat(result.optimised().value()).isEqualTo(2);
        // ARX's default Loss of the same node, for the report: ⅓ as computed above.
        assertThat(result.informationLoss()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(result.discernibility()).isEqualTo(20);
    }

    /** Three attributes of random values, so that bounds, tagging and suppression all come into play. */
    private static Table randomTable(long seed, int rows) {
        Random random = new Random(seed);
        List<String[]> cells = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            cells.add(new String[] {List.of("1001", "1002").get(random.nextInt(2)),
                    List.of("21", "22", "31", "32").get(random.nextInt(4)), List.of("21", "22", "31", "32").get(random.nextInt(4))});
        }
        return new Table(List.of("zip", "age", "age2"), cells);
    }

    @Test
    void everyMetricFindsTheExhaustiveMinimumWithAndWithoutSuppression() {
        List<QuasiIdentifier> quasiIdentifiers = List.of(new QuasiIdentifier("zip", ZIP), new QuasiIdentifier("age", AGE),
                new QuasiIdentifier("age2", AGE));
        List<UtilityMetric> metrics = List.of(UtilityMetric.loss(), UtilityMetric.loss().withGsFactor(0.2),
                UtilityMetric.loss().withGsFactor(0.9).withAggregateFunction(AggregateFunction.ARITHMETIC_MEAN),
                UtilityMetric.of(UtilityMetric.Kind.AECS), UtilityMetric.of(UtilityMetric.Kind.AECS).withGsFactor(0.3),
                UtilityMetric.of(UtilityMetric.Kind.DISCERNIBILITY), UtilityMetric.of(UtilityMetric.Kind.PRECISION),
                UtilityMetric.of(UtilityMetric.Kind.PRECISION).withGsFactor(0.1).withAttributeWeights(Map.of("age", 1.0)),
                UtilityMetric.of(UtilityMetric.Kind.ENTROPY), UtilityMetric.of(UtilityMetric.Kind.ENTROPY).withGsFactor(0.8));
        for (long seed = 1; seed <= 3; seed++) {
            Table table = randomTable(seed, 40);
            for (double limit : new double[] {0, 0.1}) {
                for (UtilityMetric metric : metrics) {
                    AnonymizationConfiguration configuration =
                            new AnonymizationConfiguration(quasiIdentifiers, List.of(new KAnonymity(3)), limit).withMetric(metric);
                    EncodedInput input = EncodedInput.of(table, configuration);
                    ClassGrouping grouping = new ClassGrouping(input, NodeMetric.of(input, configuration),
                            configuration.maximumSuppressed(input.records));
                    Lattice lattice = new Lattice(new int[] {3, 3, 3});
                    double minimum = Double.POSITIVE_INFINITY;
                    for (int node = 0; node < lattice.size(); node++) {
                        NodeEvaluation evaluation = grouping.evaluate(lattice.levels(node));
                        if (evaluation.anonymous()) {
                            minimum = Math.min(minimum, evaluation.loss());
                        }
                    }
                    AnonymizationResult result = new Anonymizer(configuration).anonymize(table).orElseThrow();
                    assertThat(result.optimised().value()).as("%s, seed %d, limit %s", metric.description(), seed, limit)
                            .isEqualTo(minimum);
                }
            }
        }
    }

    @Test
    void anUnknownMetricNameIsRefusedNamingTheMetricsThereAre() {
        assertThatThrownBy(() -> UtilityMetric.named("los")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown utility metric 'los'; the metrics are loss, aecs, discernibility, precision, entropy");
    }

    @Test
    void aNegativeWeightOrGsFactorOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> UtilityMetric.loss().withAttributeWeights(Map.of("age", -1.0)))
                .hasMessage("the weight of age must be a number ≥ 0, got -1.0");
        assertThatThrownBy(() -> UtilityMetric.loss().withGsFactor(1.5)).hasMessage("the gs-factor must be in [0, 1], got 1.5");
    }

    @Test
    void aWeightOfAnAttributeThatIsNoQuasiIdentifierIsRefused() {
        UtilityMetric metric = UtilityMetric.loss().withAttributeWeights(Map.of("income", 1.0));

        assertThatThrownBy(() -> configuration(metric, 0)).hasMessage(
                "a weight is given for income, which is not a quasi-identifier; the quasi-identifiers are [zip, age]");
    }

    @Test
    void weightsOnAMetricOfTheWholeTableAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> UtilityMetric.of(UtilityMetric.Kind.AECS).withAttributeWeights(Map.of("age", 1.0)))
                .hasMessageStartingWith("aecs is one figure for the whole table and weighs no attribute");
    }
}
