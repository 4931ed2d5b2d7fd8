package org.ebpmlake.anonymize.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;
import org.junit.jupiter.api.Test;

/**
 * A table of 16 quasi-identifiers: 3¹⁶ = 43 million lattice nodes, beyond the exact search, so the bounded
 * heuristic searches it. The result must be anonymous (checked by the independent verifier), say that it is not
 * proven optimal, and stay within the heuristic's budget of checked nodes plus one climb up the lattice.
 */
class ManyQuasiIdentifiersTest {
    private static final int ATTRIBUTES = 16;
    /** a, b, c, d → ab, cd → *. */
    private static final Hierarchy FOUR_VALUES = new Hierarchy(List.of(List.of("a", "ab", "*"), List.of("b", "ab", "*"),
            List.of("c", "cd", "*"), List.of("d", "cd", "*")));
    /** The longest climb from the bottom to the top: two steps per attribute, and the bottom. */
    private static final int LONGEST_CLIMB = 2 * ATTRIBUTES + 1;

    private static List<QuasiIdentifier> quasiIdentifiers() {
        List<QuasiIdentifier> quasiIdentifiers = new ArrayList<>();
        for (int attribute = 1; attribute <= ATTRIBUTES; attribute++) {
            quasiIdentifiers.add(new QuasiIdentifier("q" + attribute, FOUR_VALUES));
        }
        return quasiIdentifiers;
    }

    /** Skewed values (a half the time), so that some attributes can stay fine and others must not. */
    private static Table table(long seed, int rows) {
        Random random = new Random(seed);
        List<String> columns = new ArrayList<>();
        for (int attribute = 1; attribute <= ATTRIBUTES; attribute++) {
            columns.add("q" + attribute);
        }
        List<String[]> cells = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            String[] cellsOfRow = new String[ATTRIBUTES];
            for (int attribute = 0; attribute < ATTRIBUTES; attribute++) {
                int draw = random.nextInt(8);
                cellsOfRow[attribute] = List.of("a", "a", "a", "a", "b", "b", "c", "d").get(draw);
            }
            cells.add(cellsOfRow);
        }
        return new Table(columns, cells);
    }

    private static void assertAnonymousButNotProvenOptimal(UtilityMetric metric) {
        Table input = table(17, 400);
        List<PrivacyModel> models = List.of(new KAnonymity(3));
        double limit = 0.04;
        AnonymizationConfiguration configuration =
                new AnonymizationConfiguration(quasiIdentifiers(), models, limit).withMetric(metric);

        AnonymizationResult result = new Anonymizer(configuration).anonymize(input).orElseThrow();

        VerificationVerdict verdict = new IndependentVerifier(quasiIdentifiers(), models, limit)
                .verify(input, result.output(), result.transformation());
        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.satisfied()).isTrue();
        assertThat(result.statistics().latticeSize()).isEqualTo(43_046_721L);
        assertThat(result.statistics().optimal()).isFalse();
        assertThat(result.statistics().nodesChecked()).isPositive()
                .isLessThanOrEqualTo(HeuristicSearch.DEFAULT_BUDGET + LONGEST_CLIMB);
        assertThat(result.optimised().metric()).isEqualTo(metric);
    }

    @Test
    void sixteenQuasiIdentifiersAreAnonymizedByTheBoundedHeuristicUnderLoss() {
        assertAnonymousButNotProvenOptimal(UtilityMetric.loss());
    }

    @Test
    void sixteenQuasiIdentifiersAreAnonymizedByTheBoundedHeuristicUnderDiscernibility() {
        assertAnonymousButNotProvenOptimal(UtilityMetric.of(UtilityMetric.Kind.DISCERNIBILITY));
    }
}
