package org.ebpmlake.anonymize.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ebpmlake.anonymize.DistinctLDiversity;
import org.ebpmlake.anonymize.EntropyLDiversity;
import org.ebpmlake.anonymize.GroundDistance;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.RecursiveCLDiversity;
import org.ebpmlake.anonymize.TCloseness;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;
import org.junit.jupiter.api.Test;

/**
 * The engine on tables small enough to solve by hand. Hierarchies: zip 1001, 1002 → 100* → *, and age 21, 22
 * → 20-29, 31, 32 → 30-39, then *. With two zips a zip's share is already 1 at level 1, so zip costs all or
 * nothing; an age band costs (2 − 1)/(4 − 1) = ⅓ on four records spread evenly.
 */
class AnonymizerTest {
    static final Hierarchy ZIP = new Hierarchy(List.of(List.of("1001", "100*", "*"), List.of("1002", "100*", "*")));
    static final Hierarchy AGE = new Hierarchy(List.of(List.of("21", "20-29", "*"), List.of("22", "20-29", "*"),
            List.of("31", "30-39", "*"), List.of("32", "30-39", "*")));
    static final List<QuasiIdentifier> ZIP_AND_AGE =
            List.of(new QuasiIdentifier("zip", ZIP), new QuasiIdentifier("age", AGE));

    private static Table table(String... rows) {
        List<String[]> cells = new ArrayList<>();
        for (String row : rows) {
            cells.add(row.split(","));
        }
        return new Table(List.of("zip", "age", "disease"), cells);
    }

    private static final Table FOUR_PATIENTS = table("1001,21,flu", "1002,22,cold", "1001,31,flu", "1002,32,ulcer");

    private static AnonymizationResult anonymize(Table table, double limit, PrivacyModel... models) {
        return new Anonymizer(new AnonymizationConfiguration(ZIP_AND_AGE, List.of(models), limit)).anonymize(table)
                .orElseThrow();
    }

    @Test
    void kAnonymityKeepsTheZipAndSuppressesTheAgeBecauseThatLosesLeast() {
        // Candidates: {zip 0, age 2}: losses 0 and 1 → √(1 × 2) − 1 = 0.414; {zip 1, age 1}: 1 and ⅓ → 0.633.
        AnonymizationResult result = anonymize(FOUR_PATIENTS, 0, new KAnonymity(2));

        assertThat(result.transformation().levels()).containsExactly(0, 2);
        assertThat(result.informationLoss()).isCloseTo(Math.sqrt(2) - 1, within(1e-12));
        assertThat(result.smallestClass()).isEqualTo(2);
        assertThat(result.output().rows().get(0)).containsExactly("1001", "*", "flu");
    }

    @Test
    void distinctLDiversityRulesOutClassesWithOneDiseaseAndGeneralizesBoth() {
        // At {0, 2} zip 1001 holds flu twice; at {1, 1} both age bands hold two diseases.
        AnonymizationResult result = anonymize(FOUR_PATIENTS, 0, new KAnonymity(2), new DistinctLDiversity("disease", 2));

        assertThat(result.transformation().levels()).containsExactly(1, 1);
        assertThat(result.informationLoss()).isCloseTo(Math.sqrt(2 * 4.0 / 3) - 1, within(1e-12));
    }

    @Test
    void entropyAndRecursiveDiversityAgreeWithDistinctOnTwoEvenValues() {
        assertThat(anonymize(FOUR_PATIENTS, 0, new EntropyLDiversity("disease", 2)).transformation().levels())
                .containsExactly(1, 1);
        assertThat(anonymize(FOUR_PATIENTS, 0, new RecursiveCLDiversity("disease", 2, 2)).transformation().levels())
                .containsExactly(1, 1);
    }

    @Test
    void tClosenessWithEqualDistanceAcceptsOnlyTheWholeTableHere() {
        // Input: flu ½, cold ¼, ulcer ¼. {1, 1}'s band 20-29 is flu ½, cold ½: distance ¼ > 0.2.
        AnonymizationResult result = anonymize(FOUR_PATIENTS, 0, new TCloseness("disease", 0.2, new GroundDistance.Equal()));

        assertThat(result.keptClasses()).isEqualTo(1);
        assertThat(result.smallestClass()).isEqualTo(4);
    }

    @Test
    void tClosenessWithHierarchicalDistanceAcceptsTheAgeBands() {
        // Flu and cold are one family. Band 20-29 (flu, cold) must move cold's excess ¼ to ulcer, across
        // families at cost 1: ¼; band 30-39 (flu, ulcer) likewise ¼; both within t = 0.25. The cheaper {0, 2}
        // fails: zip 1001 (flu, flu) moves ¼ within the family at cost ½ and ¼ across: ⅜.
        Hierarchy families = new Hierarchy(List.of(List.of("flu", "respiratory", "*"),
                List.of("cold", "respiratory", "*"), List.of("ulcer", "stomach", "*")));
        AnonymizationResult result = anonymize(FOUR_PATIENTS, 0,
                new TCloseness("disease", 0.25, new GroundDistance.Hierarchical(families)));

        assertThat(result.transformation().levels()).containsExactly(1, 1);
    }

    @Test
    void suppressesASingleOutlierInsteadOfGeneralizingWhenTheLimitAllowsIt() {
        Table table = table("1001,21,flu", "1001,21,flu", "1001,21,cold", "1001,21,flu", "1002,22,flu", "1002,22,cold",
                "1002,22,flu", "1002,32,flu");

        // floor(0.125 × 8) = 1 record may go. Each attribute then loses (7 × share + 1 − min)/(8 − min): zip
        // (3.5 + 1 − 4)/4 = ⅛, age (1.75 + 1 − 2)/6 = ⅛; together ⅛.
        AnonymizationResult withSuppression = anonymize(table, 0.125, new KAnonymity(2));
        AnonymizationResult without = anonymize(table, 0, new KAnonymity(2));

        assertThat(withSuppression.transformation().levels()).containsExactly(0, 0);
        assertThat(withSuppression.suppressedRecords()).isEqualTo(1);
        assertThat(withSuppression.informationLoss()).isCloseTo(0.125, within(1e-12));
        assertThat(withSuppression.output().rows().get(7)).containsExactly("*", "*", "flu");
        assertThat(without.transformation().levels()).containsExactly(0, 2);
    }

    @Test
    void findsNothingWhenNoTransformationCanMeetTheModel() {
        AnonymizationConfiguration configuration =
                new AnonymizationConfiguration(ZIP_AND_AGE, List.of(new DistinctLDiversity("disease", 4)), 0);

        assertThat(new Anonymizer(configuration).anonymize(FOUR_PATIENTS)).isEmpty();
    }

    @Test
    void verifierRejectsAReleaseWhoseClassIsTooSmall() {
        AnonymizationResult result = anonymize(FOUR_PATIENTS, 0, new KAnonymity(2));
        List<String[]> tampered = new ArrayList<>(result.output().rows());
        tampered.set(0, new String[] {"1001", "*", "flu"});
        tampered.set(2, new String[] {"1001", "31", "flu"});

        VerificationVerdict verdict = new IndependentVerifier(ZIP_AND_AGE, List.of(new KAnonymity(2)), 0)
                .verify(FOUR_PATIENTS, new Table(result.output().columns(), tampered), result.transformation());

        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.violations()).anySatisfy(violation -> assertThat(violation).contains("row 3"));
        assertThat(verdict.violations()).anySatisfy(violation -> assertThat(violation).contains("fails"));
    }

    @Test
    void aReleasedCellReadAloneIsTheCellOfItsRow() {
        AnonymizationResult result = anonymize(FOUR_PATIENTS, 0.25, new KAnonymity(2));

        for (int row = 0; row < result.output().rows().size(); row++) {
            for (int column = 0; column < result.output().columns().size(); column++) {
                assertThat(result.output().cell(row, column)).isEqualTo(result.output().rows().get(row)[column]);
            }
        }
        assertThat(FOUR_PATIENTS.cell(1, 2)).isEqualTo("cold");
    }

    @Test
    void verifierNamesTheClassWhoseSensitiveValuesAreNotDiverseEnough() {
        // k=2 keeps the zip and suppresses the age: the class 1001 holds flu twice, the class 1002 cold and ulcer.
        AnonymizationResult result = anonymize(FOUR_PATIENTS, 0, new KAnonymity(2));

        VerificationVerdict verdict = new IndependentVerifier(ZIP_AND_AGE,
                List.of(new KAnonymity(2), new DistinctLDiversity("disease", 2)), 0)
                .verify(FOUR_PATIENTS, result.output(), result.transformation());

        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.violations()).singleElement().asString().contains("[1001, *] of 2 records fails");
        assertThat(verdict.classSizes()).containsExactly(2L);
    }

    @Test
    void verifierCountsRowsSuppressedBeyondTheLimit() {
        AnonymizationResult result = anonymize(FOUR_PATIENTS, 0, new KAnonymity(2));
        List<String[]> tampered = new ArrayList<>(result.output().rows());
        tampered.set(1, new String[] {"*", "*", "cold"});
        tampered.set(3, new String[] {"*", "*", "ulcer"});

        VerificationVerdict verdict = new IndependentVerifier(ZIP_AND_AGE, List.of(new KAnonymity(2)), 0.25)
                .verify(FOUR_PATIENTS, new Table(result.output().columns(), tampered), result.transformation());

        assertThat(verdict.suppressedRecords()).isEqualTo(2);
        assertThat(verdict.violations()).contains("2 records are suppressed, the limit allows 1");
    }
}
