package org.ebpmlake.anonymize.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.DistinctLDiversity;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.verify.IndependentVerifier;
import org.ebpmlake.anonymize.verify.VerificationVerdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The search on a table's counted rows (what Spark hands over for a table too large for memory) finds the
 * same plan as on the records, and the verifier reaches the same verdict from the released counts as from
 * the released rows.
 */
class CountedInputTest {
    private static final List<String> COLUMNS = List.of("sex", "age", "race", "marital-status", "education", AdultData.SENSITIVE);

    @ParameterizedTest(name = "k={0}, l={1}, suppression limit {2}")
    @CsvSource({"5, 1, 0.0", "10, 1, 0.02", "5, 2, 0.02"})
    void countedRowsGiveTheSamePlanAsTheRecords(int k, int l, double limit) {
        Table records = projection(AdultData.table());
        List<PrivacyModel> models = l > 1 ? List.of(new KAnonymity(k), new DistinctLDiversity(AdultData.SENSITIVE, l))
                : List.of(new KAnonymity(k));
        AnonymizationConfiguration configuration = new AnonymizationConfiguration(
                AdultData.quasiIdentifiers(COLUMNS.subList(0, 5)), models, limit);

        AnonymizationResult fromRecords = new Anonymizer(configuration).anonymize(records).orElseThrow();
        GeneralizationPlan fromCounts = new Anonymizer(configuration).plan(counted(records)).orElseThrow();

        assertThat(fromCounts.transformation()).isEqualTo(fromRecords.transformation());
        assertThat(fromCounts.records()).isEqualTo(records.rows().size());
        assertThat(fromCounts.suppressedRecords()).isEqualTo(fromRecords.suppressedRecords());
        assertThat(fromCounts.keptClasses()).isEqualTo(fromRecords.keptClasses());
        assertThat(fromCounts.informationLoss()).isEqualTo(fromRecords.informationLoss());
        // Exact sums: the counted rows in reverse order give the same loss to the last bit.
        List<String[]> reversed = new ArrayList<>(counted(records).rows());
        List<Long> reversedCounts = new ArrayList<>(counted(records).counts());
        Collections.reverse(reversed);
        Collections.reverse(reversedCounts);
        GeneralizationPlan fromReversed = new Anonymizer(configuration)
                .plan(new TupleCounts(COLUMNS, reversed, reversedCounts)).orElseThrow();
        assertThat(fromReversed.informationLoss()).isEqualTo(fromRecords.informationLoss());
        assertThat(fromReversed.attributeLoss()).isEqualTo(fromRecords.attributeLoss());
        assertThat(fromCounts.suppressedClasses()).isEqualTo(fromRecords.plan().suppressedClasses());

        // Applying the plan by its value maps and class list gives exactly the in-memory engine's output.
        assertThat((long) fromRecords.suppressedRows().cardinality()).isEqualTo(fromRecords.suppressedRecords());
        List<String> released = applied(records, fromCounts);
        List<String> expected = fromRecords.output().rows().stream().map(row -> String.join(";", row)).toList();
        assertThat(released).isEqualTo(expected);

        IndependentVerifier verifier = new IndependentVerifier(configuration.quasiIdentifiers(), models, limit);
        VerificationVerdict byRows = verifier.verify(records, fromRecords.output(), fromRecords.transformation());
        VerificationVerdict byCounts = verifier.verify(counted(fromRecords.output()), records.rows().size(),
                fromCounts.transformation());
        assertThat(byCounts.violations()).isEmpty();
        assertThat(byCounts.smallestClass()).isEqualTo(byRows.smallestClass()).isGreaterThanOrEqualTo(k);
        assertThat(byCounts.suppressedRecords()).isEqualTo(byRows.suppressedRecords()).isEqualTo(fromCounts.suppressedRecords());
        assertThat(byCounts.classes()).isEqualTo(byRows.classes());
    }

    @ParameterizedTest(name = "k={0}")
    @CsvSource({"5", "10"})
    void theCountedVerifierRejectsASmallClassAWrongLevelAndMissingRecords(int k) {
        Table records = projection(AdultData.table());
        List<PrivacyModel> models = List.of(new KAnonymity(k));
        AnonymizationConfiguration configuration = new AnonymizationConfiguration(
                AdultData.quasiIdentifiers(COLUMNS.subList(0, 5)), models, 0.0);
        AnonymizationResult result = new Anonymizer(configuration).anonymize(records).orElseThrow();
        IndependentVerifier verifier = new IndependentVerifier(configuration.quasiIdentifiers(), models, 0.0);
        TupleCounts released = counted(result.output());

        // The original, ungeneralized rows claimed under the optimum's transformation.
        assertThat(verifier.verify(counted(records), records.rows().size(), result.transformation()).violations())
                .isNotEmpty();
        // One record fewer than the input.
        List<Long> fewer = new ArrayList<>(released.counts());
        fewer.set(0, fewer.get(0) - 1);
        List<String[]> rows = new ArrayList<>(released.rows());
        if (fewer.get(0) == 0) {
            fewer.remove(0);
            rows.remove(0);
        }
        assertThat(verifier.verify(new TupleCounts(released.columns(), rows, fewer), records.rows().size(),
                result.transformation()).violations()).anySatisfy(violation -> assertThat(violation).contains("the input"));
    }

    private static Table projection(Table adult) {
        int[] columns = COLUMNS.stream().mapToInt(adult::columnIndex).toArray();
        List<String[]> rows = new ArrayList<>();
        for (String[] row : adult.rows()) {
            rows.add(Arrays.stream(columns).mapToObj(column -> row[column]).toArray(String[]::new));
        }
        return new Table(COLUMNS, rows);
    }

    private static TupleCounts counted(Table table) {
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (String[] row : table.rows()) {
            counts.merge(List.of(row), 1L, Long::sum);
        }
        List<String[]> rows = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        counts.forEach((row, count) -> {
            rows.add(row.toArray(String[]::new));
            weights.add(count);
        });
        return new TupleCounts(table.columns(), rows, weights);
    }

    private static List<String> applied(Table records, GeneralizationPlan plan) {
        List<Map<String, String>> maps = plan.columns().stream().map(plan::generalizationOf).toList();
        List<String> released = new ArrayList<>();
        for (String[] row : records.rows()) {
            String[] cells = row.clone();
            List<String> key = new ArrayList<>();
            for (int attribute = 0; attribute < maps.size(); attribute++) {
                key.add(maps.get(attribute).get(row[records.columnIndex(plan.columns().get(attribute))]));
            }
            boolean suppressed = plan.suppressedClasses().contains(key);
            for (int attribute = 0; attribute < maps.size(); attribute++) {
                cells[records.columnIndex(plan.columns().get(attribute))] = suppressed ? Hierarchy.SUPPRESSED : key.get(attribute);
            }
            released.add(String.join(";", cells));
        }
        return released;
    }
}
