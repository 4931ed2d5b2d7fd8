package org.ebpmlake.anonymize.search;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;

/**
 * The de-identification engine: finds the optimal full-domain generalization under the configured privacy
 * models and utility metric (ARX's Loss unless another is chosen). {@link #anonymize(Table)} also applies it in memory; {@link #plan(TupleCounts)}
 * searches on a table's counted rows and leaves applying the plan to whoever holds the records (Spark, for a
 * table too large for memory). Empty when no transformation, not even full suppression within the limit,
 * meets the models. Lattices beyond {@link #EXACT_SEARCH_LIMIT} nodes get a bounded heuristic whose result says
 * it is not proven optimal ({@link SearchStatistics#optimal()}).
 */
public final class Anonymizer {
    /**
     * Lattices up to this many nodes are searched exactly (a few arrays of one entry per node, some 40 MB at the
     * limit); larger ones, from about 15 quasi-identifiers on, by the bounded {@link HeuristicSearch}.
     */
    static final long EXACT_SEARCH_LIMIT = 1L << 21;

    private final AnonymizationConfiguration configuration;

    public Anonymizer(AnonymizationConfiguration configuration) {
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    public Optional<AnonymizationResult> anonymize(Table table) {
        requireNonNull(table, "table is null");
        long started = System.nanoTime();
        EncodedInput input = EncodedInput.of(table, configuration);
        return search(input, started).map(found -> new AnonymizationResult(found.plan(), apply(table, input, found),
                suppressedRows(input, found)));
    }

    public Optional<GeneralizationPlan> plan(TupleCounts counts) {
        requireNonNull(counts, "counts is null");
        long started = System.nanoTime();
        EncodedInput input = EncodedInput.of(counts, configuration);
        return search(input, started).map(Found::plan);
    }

    private Optional<Found> search(EncodedInput input, long started) {
        long encoded = System.nanoTime();
        SearchOutcome outcome;
        if (latticeNodes(input) <= EXACT_SEARCH_LIMIT) {
            outcome = new OptimalSearch(input, configuration).run();
        } else {
            outcome = new HeuristicSearch(input, configuration, HeuristicSearch.DEFAULT_BUDGET).run();
        }
        long searched = System.nanoTime();
        SearchStatistics statistics = new SearchStatistics(outcome.latticeSize(), outcome.nodesChecked(), outcome.optimal(),
                Duration.ofNanos(encoded - started), Duration.ofNanos(searched - encoded));
        return outcome.optimum().map(optimum -> found(input, optimum, statistics));
    }

    private static long latticeNodes(EncodedInput input) {
        int[] levelCounts = new int[input.dimensions()];
        for (int attribute = 0; attribute < levelCounts.length; attribute++) {
            levelCounts[attribute] = input.attributes[attribute].levels();
        }
        return Lattice.nodes(levelCounts);
    }

    private Found found(EncodedInput input, NodeEvaluation optimum, SearchStatistics statistics) {
        List<QuasiIdentifier> quasiIdentifiers = configuration.quasiIdentifiers();
        int[] levels = optimum.levels();
        long maximumSuppressed = configuration.maximumSuppressed(input.records);
        // Reports state ARX's Loss whatever was optimised: the configured Loss, or else ARX's default one.
        NodeEvaluation loss = optimum;
        if (configuration.metric().kind() != UtilityMetric.Kind.LOSS) {
            loss = new ClassGrouping(input, NodeMetric.of(input, UtilityMetric.loss(), configuration), maximumSuppressed)
                    .evaluate(levels);
        }
        List<String> attributes = new ArrayList<>();
        List<Integer> levelList = new ArrayList<>();
        Map<String, Double> attributeLoss = new LinkedHashMap<>();
        for (int attribute = 0; attribute < levels.length; attribute++) {
            String column = quasiIdentifiers.get(attribute).column();
            attributes.add(column);
            levelList.add(levels[attribute]);
            attributeLoss.put(column, loss.attributeLosses()[attribute]);
        }
        boolean[] suppressedTuples = new ClassGrouping(input, NodeMetric.of(input, configuration), maximumSuppressed)
                .suppressedTuples(levels);
        Set<List<String>> suppressedClasses = new HashSet<>();
        for (int tuple = 0; tuple < suppressedTuples.length; tuple++) {
            if (suppressedTuples[tuple]) {
                suppressedClasses.add(generalized(input, levels, tuple));
            }
        }
        GeneralizationPlan plan = new GeneralizationPlan(quasiIdentifiers, new Transformation(attributes, levelList),
                suppressedClasses, input.records, optimum.suppressedRecords(), optimum.keptClasses(),
                optimum.smallestKeptClass(), loss.loss(), attributeLoss, optimum.discernibility(),
                new OptimisedMetric(configuration.metric(), optimum.loss()), statistics);
        return new Found(plan, levels, suppressedTuples);
    }

    private static List<String> generalized(EncodedInput input, int[] levels, int tuple) {
        List<String> values = new ArrayList<>(levels.length);
        for (int attribute = 0; attribute < levels.length; attribute++) {
            values.add(input.attributes[attribute].generalizedValue(levels[attribute], input.quasiIdentifierCodes[attribute][tuple]));
        }
        return values;
    }

    private Table apply(Table table, EncodedInput input, Found found) {
        List<QuasiIdentifier> quasiIdentifiers = configuration.quasiIdentifiers();
        int[] levels = found.levels();
        int[] columns = new int[levels.length];
        for (int attribute = 0; attribute < levels.length; attribute++) {
            columns[attribute] = table.columnIndex(quasiIdentifiers.get(attribute).column());
        }
        // Generalized once per tuple, then copied into each of its records as the record is read.
        String[][] generalizedTuples = new String[input.tuples()][levels.length];
        for (int tuple = 0; tuple < generalizedTuples.length; tuple++) {
            for (int attribute = 0; attribute < levels.length; attribute++) {
                if (found.suppressedTuples()[tuple]) {
                    generalizedTuples[tuple][attribute] = Hierarchy.SUPPRESSED;
                } else {
                    generalizedTuples[tuple][attribute] = input.attributes[attribute].generalizedValue(levels[attribute],
                            input.quasiIdentifierCodes[attribute][tuple]);
                }
            }
        }
        return new Table(table.columns(), new GeneralizedRows(table.rows(), table.columns().size(), columns, input.tupleOfRow,
                generalizedTuples));
    }

    private static BitSet suppressedRows(EncodedInput input, Found found) {
        BitSet rows = new BitSet(input.tupleOfRow.length);
        for (int row = 0; row < input.tupleOfRow.length; row++) {
            rows.set(row, found.suppressedTuples()[input.tupleOfRow[row]]);
        }
        return rows;
    }

    /** The plan with what applying it in memory needs: the levels and which tuples are suppressed. */
    private record Found(GeneralizationPlan plan, int[] levels, boolean[] suppressedTuples) {
    }
}
