package org.ebpmlake.anonymize.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.anonymize.DeltaPresence;
import org.ebpmlake.anonymize.KMap;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;
import org.junit.jupiter.api.Test;

/** k-map and δ-presence on a planted population: a ward's residents, of whom a few are in a released sample. */
class PopulationModelsSearchTest {
    private static final List<QuasiIdentifier> QUASI_IDENTIFIERS = List.of(new QuasiIdentifier("age",
            new Hierarchy(List.of(List.of("30", "30-39", "*"), List.of("35", "30-39", "*"), List.of("40", "40-49", "*"),
                    List.of("45", "40-49", "*")))));

    /** The population: 30 ×1, 35 ×5, 40 ×2, 45 ×20. */
    private static TupleCounts population() {
        return new TupleCounts(List.of("age"), List.of(new String[] {"30"}, new String[] {"35"}, new String[] {"40"},
                new String[] {"45"}), List.of(1L, 5L, 2L, 20L));
    }

    /** The sample: one aged 30, one 35, one 40, two 45. */
    private static Table sample() {
        List<String[]> rows = new ArrayList<>();
        for (String age : List.of("30", "35", "40", "45", "45")) {
            rows.add(new String[] {age});
        }
        return new Table(List.of("age"), rows);
    }

    private static AnonymizationResult anonymize(PrivacyModel model) {
        AnonymizationConfiguration configuration = new AnonymizationConfiguration(QUASI_IDENTIFIERS, List.of(model), 0,
                UtilityMetric.loss(), Optional.of(population()));
        return new Anonymizer(configuration).anonymize(sample()).orElseThrow();
    }

    @Test
    void kMapCountsEachReleasedClassInThePopulationNotInTheSample() {
        // 30 has 1 and 40 has 2 in the population: ages must go to decades (30-39: 6, 40-49: 22), though every
        // released class then holds only 2 or 3 records — k-anonymity with k = 5 would need full suppression.
        AnonymizationResult result = anonymize(new KMap(5));

        assertThat(result.transformation().levelByAttribute()).containsEntry("age", 1);
        assertThat(result.smallestClass()).isEqualTo(2);
        VerificationVerdict verdict = new IndependentVerifier(QUASI_IDENTIFIERS, List.of(new KMap(5)), 0)
                .withPopulation(population()).verify(sample(), result.output(), result.transformation());
        assertThat(verdict.violations()).isEmpty();
    }

    @Test
    void kMapAboveEveryDecadeNeedsTheTopLevel() {
        assertThat(anonymize(new KMap(7)).transformation().levelByAttribute()).containsEntry("age", 2);
    }

    @Test
    void deltaPresenceKeepsTheShareOfAPopulationClassInTheReleaseWithinBounds() {
        // δ at the original ages: 1/1, 1/5, 1/2, 2/20: above 0.5 for age 30. Decades: 2/6 and 3/22. Top: 5/28.
        AnonymizationResult result = anonymize(new DeltaPresence(0.0, 0.5));

        assertThat(result.transformation().levelByAttribute()).containsEntry("age", 1);
        VerificationVerdict verdict = new IndependentVerifier(QUASI_IDENTIFIERS, List.of(new DeltaPresence(0.0, 0.5)), 0)
                .withPopulation(population()).verify(sample(), result.output(), result.transformation());
        assertThat(verdict.violations()).isEmpty();
        // A bound of 0.2 even the decades break (2/6), so only the top level meets it.
        assertThat(anonymize(new DeltaPresence(0.0, 0.2)).transformation().levelByAttribute()).containsEntry("age", 2);
    }

    @Test
    void theVerifierRefusesAReleaseWhoseClassesAreTooSmallInThePopulation() {
        Table released = sample();
        Transformation original = new Transformation(List.of("age"), List.of(0));

        VerificationVerdict verdict = new IndependentVerifier(QUASI_IDENTIFIERS, List.of(new KMap(5)), 0)
                .withPopulation(population()).verify(sample(), released, original);

        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.violations()).anySatisfy(violation -> assertThat(violation).contains("[30]").contains("k-map(k=5)"));
    }
}
