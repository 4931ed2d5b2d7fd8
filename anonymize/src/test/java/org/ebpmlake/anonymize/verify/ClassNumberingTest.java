package org.ebpmlake.anonymize.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassNumberingTest {
    private static final int ROWS = 5_000;

    @Test
    void packedAndFoldedNumberingsEqualNumberingByTheCodesThemselves() {
        Random random = new Random(20261129);
        for (int trial = 0; trial < 50; trial++) {
            int[] sizes = new int[1 + random.nextInt(6)];
            for (int position = 0; position < sizes.length; position++) {
                sizes[position] = 1 + random.nextInt(trial % 2 == 0 ? 3 : 40);
            }
            int[][] codes = new int[ROWS][sizes.length];
            for (int[] row : codes) {
                for (int position = 0; position < sizes.length; position++) {
                    row[position] = random.nextInt(sizes[position]);
                }
            }
            RowClasses expected = numberedByLists(codes);
            assertSame(expected, numbered(ClassNumbering.forSizes(ROWS, sizes), codes));
            assertSame(expected, numbered(ClassNumbering.folding(ROWS, sizes.length), codes));
        }
    }

    @Test
    void codesTooManyToPackInALongAreFoldedAndStillNumberedRight() {
        int[] sizes = new int[8];
        Arrays.fill(sizes, 1 << 20);
        Random random = new Random(7);
        int[][] codes = new int[ROWS][sizes.length];
        for (int[] row : codes) {
            for (int position = 0; position < sizes.length; position++) {
                // Few distinct values, each far apart, so that rows share classes.
                row[position] = random.nextInt(2) * ((1 << 20) - 1);
            }
        }
        assertSame(numberedByLists(codes), numbered(ClassNumbering.forSizes(ROWS, sizes), codes));
    }

    @Test
    void suppressedRowsHaveNoClass() {
        ClassNumbering numbering = ClassNumbering.forSizes(3, new int[] {2});
        numbering.probe()[0] = 1;
        numbering.number(0);
        numbering.suppress(1);
        numbering.probe()[0] = 1;
        numbering.number(2);
        RowClasses classes = numbering.classes();
        assertThat(classes.count()).isEqualTo(1);
        assertThat(classes.classOfRow()).containsExactly(0, -1, 0);
        assertThat(classes.firstRowOfClass()).containsExactly(0);
    }

    private static RowClasses numbered(ClassNumbering numbering, int[][] codes) {
        for (int row = 0; row < codes.length; row++) {
            System.arraycopy(codes[row], 0, numbering.probe(), 0, codes[row].length);
            numbering.number(row);
        }
        return numbering.classes();
    }

    /** The plain way: a map from each row's codes as a list to its class, numbered in order of first sight. */
    private static RowClasses numberedByLists(int[][] codes) {
        Map<List<Integer>, Integer> numbers = new HashMap<>();
        List<Integer> firstRows = new ArrayList<>();
        int[] classOfRow = new int[codes.length];
        for (int row = 0; row < codes.length; row++) {
            List<Integer> key = new ArrayList<>();
            for (int code : codes[row]) {
                key.add(code);
            }
            Integer number = numbers.get(key);
            if (number == null) {
                number = numbers.size();
                numbers.put(key, number);
                firstRows.add(row);
            }
            classOfRow[row] = number;
        }
        return new RowClasses(numbers.size(), classOfRow, firstRows.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void assertSame(RowClasses expected, RowClasses actual) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.classOfRow()).containsExactly(expected.classOfRow());
        assertThat(actual.firstRowOfClass()).containsExactly(expected.firstRowOfClass());
    }
}
