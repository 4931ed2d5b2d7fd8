package org.ebpmlake.pipelines.mart.education;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Primary and complementary suppression, and the linear-programming audit, on tables small enough to work out by hand. */
class CellSuppressionTest {
    /** A ward of three schools (4, 30, 25 students) and its total, 59. */
    private static ProtectedTable ward(long first, long second, long third) {
        return ProtectedTable.builder("test", 10, 1)
                .cell(new ProtectedCell("ward", first + second + third, Optional.empty()))
                .cell(new ProtectedCell("a", first, Optional.empty()))
                .cell(new ProtectedCell("b", second, Optional.empty()))
                .cell(new ProtectedCell("c", third, Optional.empty()))
                .margin(new Margin("ward", List.of("a", "b", "c")))
                .build();
    }

    @Test
    void aLoneHiddenCellIsWorkedOutExactlyFromItsMargin() {
        Map<String, FeasibleRanges.Range> ranges = new FeasibleRanges().of(ward(4, 30, 25), Set.of("a"));

        assertThat(ranges.get("a").low()).isEqualTo(4.0);
        assertThat(ranges.get("a").high()).isEqualTo(4.0);
    }

    @Test
    void theSmallestOtherSchoolIsHiddenToo() {
        SuppressionPattern pattern = new CellSuppression().suppress(ward(4, 30, 25));

        assertThat(pattern.primary()).containsExactly("a");
        assertThat(pattern.complementary()).containsExactly("c");
        Map<String, FeasibleRanges.Range> ranges = new FeasibleRanges().of(ward(4, 30, 25), pattern.suppressed());
        assertThat(ranges.get("a").width()).isGreaterThanOrEqualTo(10);
        assertThat(ranges.get("c").width()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void twoSmallCellsTogetherAreStillTooNarrowSoAThirdIsHidden() {
        // 3 + 4 = 7: hiding both still pins each within 1..6, so the audit hides the third school as well.
        SuppressionPattern pattern = new CellSuppression().suppress(ward(3, 40, 4));

        assertThat(pattern.primary()).containsExactlyInAnyOrder("a", "c");
        assertThat(pattern.complementary()).containsExactly("b");
        assertThat(new FeasibleRanges().of(ward(3, 40, 4), pattern.suppressed()).values())
                .allSatisfy(range -> assertThat(range.width()).isGreaterThanOrEqualTo(10));
    }

    @Test
    void aGroupHiddenInOneSliceIsHiddenInEveryLinkedSlice() {
        ProtectedTable table = ProtectedTable.builder("test", 10, 1)
                .cell(new ProtectedCell("国語|a", 5, Optional.of("a")))
                .cell(new ProtectedCell("算数|a", 12, Optional.of("a")))
                .build();

        SuppressionPattern pattern = new CellSuppression().suppress(table);

        assertThat(pattern.primary()).containsExactly("国語|a");
        assertThat(pattern.complementary()).containsExactly("算数|a");
    }
}
