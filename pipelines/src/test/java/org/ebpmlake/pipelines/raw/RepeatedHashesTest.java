package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class RepeatedHashesTest {
    @Test
    void findsAValueRepeatedInsideOnePartitionAndAcrossPartitionsOnceEach() {
        List<long[]> partitions = List.of(
                sorted(5, -3, 5, 9),
                sorted(-3, 7),
                sorted(),
                sorted(Long.MAX_VALUE, 5, Long.MIN_VALUE, Long.MAX_VALUE));

        assertThat(RepeatedHashes.across(partitions)).containsExactly(-3, 5, Long.MAX_VALUE);
    }

    @Test
    void findsNothingWhenEveryValueIsUnique() {
        SplittableRandom random = new SplittableRandom(7);
        List<Row> rows = new ArrayList<>();
        for (long value = 0; value < 5_000; value++) {
            rows.add(RowFactory.create(value * 2_654_435_761L + random.nextInt(2)));
        }

        long[] sorted = RepeatedHashes.sortedPartition(rows.iterator()).next();

        assertThat(sorted).hasSize(5_000).isSorted();
        assertThat(RepeatedHashes.across(List.of(sorted))).isEmpty();
    }

    @Test
    void aPartitionBeyondItsFirstBufferKeepsEveryValue() {
        List<Row> rows = new ArrayList<>();
        for (long value = 3_000; value > 0; value--) {
            rows.add(RowFactory.create(value % 1_500));
        }

        long[] sorted = RepeatedHashes.sortedPartition(rows.iterator()).next();

        assertThat(sorted).hasSize(3_000).startsWith(0, 0, 1, 1);
        assertThat(RepeatedHashes.across(List.of(sorted))).hasSize(1_500);
    }

    private static long[] sorted(long... values) {
        return RepeatedHashes.sortedPartition(java.util.Arrays.stream(values).mapToObj(value -> RowFactory.create(value)).iterator())
                .next();
    }
}
