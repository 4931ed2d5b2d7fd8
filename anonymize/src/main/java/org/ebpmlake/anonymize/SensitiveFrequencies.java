package org.ebpmlake.anonymize;

import java.util.Arrays;

/** The summaries of a class's sensitive frequencies that the l-diversity variants are defined on. */
final class SensitiveFrequencies {
    private SensitiveFrequencies() {
    }

    static int distinct(long[] frequencies) {
        int distinct = 0;
        for (long frequency : frequencies) {
            if (frequency > 0) {
                distinct++;
            }
        }
        return distinct;
    }

    /** Shannon entropy in nats. */
    static double entropy(long[] frequencies) {
        long total = Arrays.stream(frequencies).sum();
        double entropy = 0;
        for (long frequency : frequencies) {
            if (frequency > 0) {
                double share = (double) frequency / total;
                entropy -= share * Math.log(share);
            }
        }
        return entropy;
    }

    /** The non-zero frequencies, largest first. */
    static long[] descending(long[] frequencies) {
        long[] present = Arrays.stream(frequencies).filter(frequency -> frequency > 0).sorted().toArray();
        for (int low = 0, high = present.length - 1; low < high; low++, high--) {
            long swap = present[low];
            present[low] = present[high];
            present[high] = swap;
        }
        return present;
    }
}
