package org.ebpmlake.anonymize.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.ebpmlake.anonymize.ClassCriterion;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.SensitiveDomain;
import org.ebpmlake.anonymize.encoding.IdentityCodeMemo;
import org.ebpmlake.anonymize.encoding.PackedKeyIndex;

/**
 * The input reduced to what the search needs: the distinct combinations of quasi-identifier and sensitive
 * codes with their record counts. Checking a lattice node then walks these tuples, not the records; a
 * registry of millions of residents has only some hundred thousand of them. A table and its
 * {@link TupleCounts} encode alike, row by row, a counted row weighing its count.
 */
final class EncodedInput {
    final long records;
    final AttributeEncoding[] attributes;
    /** quasiIdentifierCodes[attribute][tuple]. */
    final int[][] quasiIdentifierCodes;
    /** sensitiveCodes[sensitive attribute][tuple]. */
    final int[][] sensitiveCodes;
    final int[] sensitiveDomainSizes;
    final int[] tupleCounts;
    /**
     * Records of the population per tuple, for k-map and δ-presence: a population table's rows are encoded into the
     * same tuples (tuples only the population has count no released record); without a population table, the
     * released records are their own population and this equals {@link #tupleCounts}.
     */
    final long[] populationCounts;
    private final boolean hasPopulation;
    /** The tuple of every input row: of every record for a table, of every counted row for counts. */
    final int[] tupleOfRow;
    /** criteria[i] checks models[i]; sensitiveOfCriterion[i] is its sensitive attribute, -1 for none. */
    final ClassCriterion[] criteria;
    final int[] sensitiveOfCriterion;
    /**
     * Σ over records of the domain share's numerator at each level (exact): the Loss of an attribute when nothing
     * is suppressed, times the domain size.
     */
    final long[][] unsuppressedShares;

    static EncodedInput of(Table table, AnonymizationConfiguration configuration) {
        return new EncodedInput(table::columnIndex, table.rows(), new long[0], configuration);
    }

    static EncodedInput of(TupleCounts counts, AnonymizationConfiguration configuration) {
        return new EncodedInput(counts::columnIndex, counts.rows(),
                counts.counts().stream().mapToLong(Long::longValue).toArray(), configuration);
    }

    /**
     * @param columnIndex the input's own column lookup, which names the input when a column is missing
     * @param weights records per row; empty when every row is one record
     */
    private EncodedInput(ToIntFunction<String> columnIndex, List<String[]> inputRows, long[] weights,
            AnonymizationConfiguration configuration) {
        int rowCount = inputRows.size();
        records = weights.length == 0 ? rowCount : Arrays.stream(weights).sum();
        List<QuasiIdentifier> quasiIdentifiers = configuration.quasiIdentifiers();
        int dimensions = quasiIdentifiers.size();
        attributes = new AttributeEncoding[dimensions];
        int[] quasiIdentifierColumns = new int[dimensions];
        for (int attribute = 0; attribute < dimensions; attribute++) {
            attributes[attribute] = new AttributeEncoding(quasiIdentifiers.get(attribute).hierarchy());
            quasiIdentifierColumns[attribute] = columnIndex.applyAsInt(quasiIdentifiers.get(attribute).column());
        }
        Map<String, Integer> sensitiveIndexes = new LinkedHashMap<>();
        for (PrivacyModel model : configuration.models()) {
            model.sensitiveAttribute().ifPresent(column -> sensitiveIndexes.putIfAbsent(column, sensitiveIndexes.size()));
        }
        int sensitiveCount = sensitiveIndexes.size();
        int[] sensitiveColumns = new int[sensitiveCount];
        List<Map<String, Integer>> sensitiveDictionaries = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : sensitiveIndexes.entrySet()) {
            sensitiveColumns[entry.getValue()] = columnIndex.applyAsInt(entry.getKey());
            sensitiveDictionaries.add(new LinkedHashMap<>());
        }

        int[][] sensitiveCodesOfRows = sensitiveCodesOfRows(inputRows, sensitiveColumns, sensitiveDictionaries);
        long[] radix = tupleRadix(sensitiveDictionaries);
        long[] keys = packedKeys(inputRows, quasiIdentifierColumns, sensitiveCodesOfRows, radix);
        PackedKeyIndex tuples = new PackedKeyIndex(1024);
        tupleOfRow = new int[rowCount];
        for (int record = 0; record < rowCount; record++) {
            if (keys[record] < 0) {
                throw unknownValue(inputRows.get(record), record, quasiIdentifierColumns, quasiIdentifiers);
            }
            tupleOfRow[record] = tuples.numberOf(keys[record]);
        }
        long[] populationKeys = new long[0];
        int[] tupleOfPopulationRow = new int[0];
        Optional<TupleCounts> population = configuration.population();
        hasPopulation = population.isPresent();
        if (population.isPresent()) {
            // Population rows carry no sensitive value: they pack with sensitive codes 0, which counts them in the
            // right class whatever the released records' sensitive values.
            populationKeys = packedKeys(population.get().rows(), columnsOf(population.get(), quasiIdentifiers),
                    new int[0][], radix);
            tupleOfPopulationRow = new int[populationKeys.length];
            for (int row = 0; row < populationKeys.length; row++) {
                if (populationKeys[row] < 0) {
                    throw unknownValue(population.get().rows().get(row), row, columnsOf(population.get(), quasiIdentifiers),
                            quasiIdentifiers);
                }
                tupleOfPopulationRow[row] = tuples.numberOf(populationKeys[row]);
            }
        }
        int tupleCount = tuples.size();
        long[] tupleKeys = new long[tupleCount];
        tupleCounts = new int[tupleCount];
        populationCounts = new long[tupleCount];
        for (int record = 0; record < rowCount; record++) {
            int tuple = tupleOfRow[record];
            tupleKeys[tuple] = keys[record];
            tupleCounts[tuple] = Math.addExact(tupleCounts[tuple], weights.length == 0 ? 1 : Math.toIntExact(weights[record]));
        }
        if (population.isPresent()) {
            for (int row = 0; row < populationKeys.length; row++) {
                int tuple = tupleOfPopulationRow[row];
                tupleKeys[tuple] = populationKeys[row];
                populationCounts[tuple] += population.get().counts().get(row);
            }
        } else {
            for (int tuple = 0; tuple < tupleCount; tuple++) {
                populationCounts[tuple] = tupleCounts[tuple];
            }
        }
        // A tuple's codes are the digits of its packed key.
        quasiIdentifierCodes = new int[dimensions][tupleCount];
        sensitiveCodes = new int[sensitiveCount][tupleCount];
        for (int index = 0; index < radix.length; index++) {
            long base = index + 1 < radix.length ? radix[index + 1] / radix[index] : Long.MAX_VALUE;
            int[] codes = index < dimensions ? quasiIdentifierCodes[index] : sensitiveCodes[index - dimensions];
            for (int tuple = 0; tuple < tupleCount; tuple++) {
                codes[tuple] = (int) (tupleKeys[tuple] / radix[index] % base);
            }
        }

        sensitiveDomainSizes = new int[sensitiveCount];
        List<SensitiveDomain> domains = new ArrayList<>();
        for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
            List<String> values = new ArrayList<>(sensitiveDictionaries.get(sensitive).keySet());
            long[] frequencies = new long[values.size()];
            for (int tuple = 0; tuple < tupleCount; tuple++) {
                frequencies[sensitiveCodes[sensitive][tuple]] += tupleCounts[tuple];
            }
            sensitiveDomainSizes[sensitive] = values.size();
            domains.add(new SensitiveDomain(values, frequencies));
        }
        List<PrivacyModel> models = configuration.models();
        criteria = new ClassCriterion[models.size()];
        sensitiveOfCriterion = new int[models.size()];
        for (int index = 0; index < models.size(); index++) {
            PrivacyModel model = models.get(index);
            int sensitive = model.sensitiveAttribute().map(sensitiveIndexes::get).orElse(-1);
            sensitiveOfCriterion[index] = sensitive;
            criteria[index] = model.bind(sensitive < 0 ? SensitiveDomain.NONE : domains.get(sensitive));
        }

        unsuppressedShares = new long[dimensions][];
        for (int attribute = 0; attribute < dimensions; attribute++) {
            AttributeEncoding encoding = attributes[attribute];
            // Records per value first: a hierarchy has far fewer values than the input has tuples.
            long[] recordsOfValue = new long[encoding.domainSize()];
            for (int tuple = 0; tuple < tupleCount; tuple++) {
                recordsOfValue[quasiIdentifierCodes[attribute][tuple]] += tupleCounts[tuple];
            }
            unsuppressedShares[attribute] = new long[encoding.levels()];
            for (int level = 0; level < encoding.levels(); level++) {
                long sum = 0;
                for (int code = 0; code < recordsOfValue.length; code++) {
                    sum += recordsOfValue[code] * encoding.groupSize(level, code);
                }
                unsuppressedShares[attribute][level] = sum;
            }
        }
    }

    /** Rows of a larger input are packed on every core: each row's key depends on that row alone. */
    private static final int ROWS_PER_PARALLEL_CHUNK = 65_536;

    /**
     * Every row's codes packed into one long by the radix, or -1 where a quasi-identifier's value is not in its
     * hierarchy. The dictionaries are only read here, so the rows can be packed in parallel.
     */
    private long[] packedKeys(List<String[]> inputRows, int[] quasiIdentifierColumns, int[][] sensitiveCodesOfRows,
            long[] radix) {
        int rowCount = inputRows.size();
        long[] keys = new long[rowCount];
        int chunks = (rowCount + ROWS_PER_PARALLEL_CHUNK - 1) / ROWS_PER_PARALLEL_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int end = Math.min(rowCount, (chunk + 1) * ROWS_PER_PARALLEL_CHUNK);
            IdentityCodeMemo[] memos = new IdentityCodeMemo[quasiIdentifierColumns.length];
            for (int attribute = 0; attribute < memos.length; attribute++) {
                memos[attribute] = new IdentityCodeMemo(attributes[attribute]::code);
            }
            for (int record = chunk * ROWS_PER_PARALLEL_CHUNK; record < end; record++) {
                String[] row = inputRows.get(record);
                long key = 0;
                for (int attribute = 0; attribute < quasiIdentifierColumns.length && key >= 0; attribute++) {
                    int code = memos[attribute].code(row[quasiIdentifierColumns[attribute]]);
                    key = code < 0 ? -1 : key + code * radix[attribute];
                }
                for (int sensitive = 0; sensitive < sensitiveCodesOfRows.length && key >= 0; sensitive++) {
                    key += sensitiveCodesOfRows[sensitive][record] * radix[quasiIdentifierColumns.length + sensitive];
                }
                keys[record] = key;
            }
        });
        return keys;
    }

    private IllegalArgumentException unknownValue(String[] row, int record, int[] quasiIdentifierColumns,
            List<QuasiIdentifier> quasiIdentifiers) {
        for (int attribute = 0; attribute < quasiIdentifierColumns.length; attribute++) {
            String value = row[quasiIdentifierColumns[attribute]];
            if (attributes[attribute].code(value) < 0) {
                return new IllegalArgumentException("row " + (record + 1) + ": the hierarchy of "
                        + quasiIdentifiers.get(attribute).column() + " has no value '" + value + "'");
            }
        }
        throw new IllegalStateException("row " + (record + 1) + " was marked unknown but every value is known");
    }

    private static int[] columnsOf(TupleCounts population, List<QuasiIdentifier> quasiIdentifiers) {
        int[] columns = new int[quasiIdentifiers.size()];
        for (int attribute = 0; attribute < columns.length; attribute++) {
            columns[attribute] = population.columnIndex(quasiIdentifiers.get(attribute).column());
        }
        return columns;
    }

    /** Whether a population table was given; without one, {@link #populationCounts} equals the tuple counts. */
    boolean hasPopulation() {
        return hasPopulation;
    }

    int tuples() {
        return tupleCounts.length;
    }

    int dimensions() {
        return attributes.length;
    }

    /**
     * Every row's code of each sensitive attribute, filling the sensitive dictionaries in order of first sight on the
     * way (their sizes set the radix).
     */
    private static int[][] sensitiveCodesOfRows(List<String[]> inputRows, int[] sensitiveColumns,
            List<Map<String, Integer>> sensitiveDictionaries) {
        int[][] codes = new int[sensitiveColumns.length][inputRows.size()];
        for (int sensitive = 0; sensitive < sensitiveColumns.length; sensitive++) {
            Map<String, Integer> dictionary = sensitiveDictionaries.get(sensitive);
            IdentityCodeMemo memo = new IdentityCodeMemo(value -> dictionary.computeIfAbsent(value, ignored -> dictionary.size()));
            int column = sensitiveColumns[sensitive];
            int[] codesOfRows = codes[sensitive];
            for (int record = 0; record < codesOfRows.length; record++) {
                codesOfRows[record] = memo.code(inputRows.get(record)[column]);
            }
        }
        return codes;
    }

    /** Mixed-radix weights that pack one record's codes into a long. */
    private long[] tupleRadix(List<Map<String, Integer>> sensitiveDictionaries) {
        int sensitiveCount = sensitiveDictionaries.size();
        long[] radix = new long[attributes.length + sensitiveCount];
        long weight = 1;
        for (int index = 0; index < radix.length; index++) {
            radix[index] = weight;
            int size;
            if (index < attributes.length) {
                size = attributes[index].domainSize();
            } else {
                size = Math.max(1, sensitiveDictionaries.get(index - attributes.length).size());
            }
            try {
                weight = Math.multiplyExact(weight, size);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the quasi-identifiers' domains are too large to pack into 63 bits", e);
            }
        }
        return radix;
    }
}
