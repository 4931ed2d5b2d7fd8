package org.ebpmlake.anonymize.risk;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many equivalence classes of the released sample have each size, ascending: what ARX's population models
 * are computed from.
 */
record ClassSizeHistogram(long[] sizes, long[] classes, long records, long classCount) {

    static ClassSizeHistogram of(Collection<Long> classSizes) {
        Map<Long, Long> counts = new TreeMap<>();
        long records = 0;
        for (long size : classSizes) {
            counts.merge(size, 1L, Long::sum);
            records += size;
        }
        long[] sizes = new long[counts.size()];
        long[] classes = new long[counts.size()];
        int index = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            sizes[index] = entry.getKey();
            classes[index] = entry.getValue();
            index++;
        }
        return new ClassSizeHistogram(sizes, classes, records, classSizes.size());
    }

    long classesOfSize(long size) {
        for (int index = 0; index < sizes.length; index++) {
            if (sizes[index] == size) {
                return classes[index];
            }
        }
        return 0;
    }
}
