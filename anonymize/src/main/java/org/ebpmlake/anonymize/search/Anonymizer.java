package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;

/**
 * The in-memory de-identification engine: finds the optimal full-domain generalization of a table under
 * the configured privacy models and ARX's Loss metric, and applies it. Empty when no transformation, not even
 * full suppression within the limit, meets the models.
 */
public final class Anonymizer {
    private final AnonymizationConfiguration configuration;

    public Anonymizer(AnonymizationConfiguration configuration) {
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    public Optional<AnonymizationResult> anonymize(Table table) {
        requireNonNull(table, "table is null");
        long started = System.nanoTime();
        EncodedInput input = new EncodedInput(table, configuration);
        long encoded = System.nanoTime();
        OptimalSearch.Outcome outcome = new OptimalSearch(input, configuration).run();
        long searched = System.nanoTime();
        SearchStatistics statistics = new SearchStatistics(outcome.latticeSize(), outcome.nodesChecked(), true,
                Duration.ofNanos(encoded - started), Duration.ofNanos(searched - encoded));
        return outcome.optimum().map(optimum -> result(table, input, optimum, statistics));
    }

    private AnonymizationResult result(Table table, EncodedInput input, NodeEvaluation optimum,
            SearchStatistics statistics) {
        List<QuasiIdentifier> quasiIdentifiers = configuration.quasiIdentifiers();
        int[] levels = optimum.levels();
        List<String> attributes = new ArrayList<>();
        List<Integer> levelList = new ArrayList<>();
        Map<String, Double> attributeLoss = new LinkedHashMap<>();
        int[] columns = new int[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            String column = quasiIdentifiers.get(attribute).column();
            attributes.add(column);
            levelList.add(levels[attribute]);
            attributeLoss.put(column, optimum.attributeLosses()[attribute]);
            columns[attribute] = table.columnIndex(column);
        }
        LossMetric metric = new LossMetric(input, configuration.aggregateFunction());
        boolean[] suppressed = new ClassGrouping(input, metric, configuration.maximumSuppressed(input.records))
                .suppressedTuples(levels);
        List<String[]> rows = new ArrayList<>(input.records);
        for (int record = 0; record < input.records; record++) {
            String[] row = table.rows().get(record).clone();
            int tuple = input.tupleOfRecord[record];
            for (int attribute = 0; attribute < levels.length; attribute++) {
                if (suppressed[tuple]) {
                    row[columns[attribute]] = Hierarchy.SUPPRESSED;
                } else {
                    row[columns[attribute]] = input.attributes[attribute].generalizedValue(levels[attribute],
                            input.quasiIdentifierCodes[attribute][tuple]);
                }
            }
            rows.add(row);
        }
        return new AnonymizationResult(new Transformation(attributes, levelList), new Table(table.columns(), rows),
                optimum.suppressedRecords(), optimum.keptClasses(), optimum.smallestKeptClass(), optimum.loss(),
                attributeLoss, optimum.discernibility(), statistics);
    }
}
