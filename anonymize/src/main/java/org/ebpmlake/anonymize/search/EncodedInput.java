package org.ebpmlake.anonymize.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.ebpmlake.anonymize.ClassCriterion;
import org.ebpmlake.anonymize.PrivacyModel;
import org.ebpmlake.anonymize.SensitiveDomain;

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

        long[] radix = tupleRadix(inputRows, sensitiveColumns, sensitiveDictionaries);
        PackedKeyIndex tuples = new PackedKeyIndex(Math.max(16, Math.min(rowCount, 1 << 22)));
        tupleOfRow = new int[rowCount];
        int[][] codesOfRecord = new int[dimensions + sensitiveCount][rowCount];
        for (int record = 0; record < rowCount; record++) {
            String[] row = inputRows.get(record);
            long key = 0;
            for (int attribute = 0; attribute < dimensions; attribute++) {
                String value = row[quasiIdentifierColumns[attribute]];
                int attributeIndex = attribute;
                int recordNumber = record;
                int code = attributes[attribute].code(value).orElseThrow(() -> new IllegalArgumentException(
                        "row " + (recordNumber + 1) + ": the hierarchy of "
                                + quasiIdentifiers.get(attributeIndex).column() + " has no value '" + value + "'"));
                codesOfRecord[attribute][record] = code;
                key += code * radix[attribute];
            }
            for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
                int code = sensitiveDictionaries.get(sensitive).get(row[sensitiveColumns[sensitive]]);
                codesOfRecord[dimensions + sensitive][record] = code;
                key += code * radix[dimensions + sensitive];
            }
            tupleOfRow[record] = tuples.numberOf(key);
        }
        int tupleCount = tuples.size();
        quasiIdentifierCodes = new int[dimensions][tupleCount];
        sensitiveCodes = new int[sensitiveCount][tupleCount];
        tupleCounts = new int[tupleCount];
        for (int record = 0; record < rowCount; record++) {
            int tuple = tupleOfRow[record];
            tupleCounts[tuple] = Math.addExact(tupleCounts[tuple], weights.length == 0 ? 1 : Math.toIntExact(weights[record]));
            for (int attribute = 0; attribute < dimensions; attribute++) {
                quasiIdentifierCodes[attribute][tuple] = codesOfRecord[attribute][record];
            }
            for (int sensitive = 0; sensitive < sensitiveCount; sensitive++) {
                sensitiveCodes[sensitive][tuple] = codesOfRecord[dimensions + sensitive][record];
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
            unsuppressedShares[attribute] = new long[encoding.levels()];
            for (int level = 0; level < encoding.levels(); level++) {
                long sum = 0;
                for (int tuple = 0; tuple < tupleCount; tuple++) {
                    sum += (long) tupleCounts[tuple] * encoding.groupSize(level, quasiIdentifierCodes[attribute][tuple]);
                }
                unsuppressedShares[attribute][level] = sum;
            }
        }
    }

    int tuples() {
        return tupleCounts.length;
    }

    int dimensions() {
        return attributes.length;
    }

    /**
     * Mixed-radix weights that pack one record's codes into a long; the sensitive dictionaries are filled on
     * the way, since their sizes set the radix.
     */
    private long[] tupleRadix(List<String[]> inputRows, int[] sensitiveColumns, List<Map<String, Integer>> sensitiveDictionaries) {
        for (String[] row : inputRows) {
            for (int sensitive = 0; sensitive < sensitiveColumns.length; sensitive++) {
                Map<String, Integer> dictionary = sensitiveDictionaries.get(sensitive);
                dictionary.putIfAbsent(row[sensitiveColumns[sensitive]], dictionary.size());
            }
        }
        long[] radix = new long[attributes.length + sensitiveColumns.length];
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
