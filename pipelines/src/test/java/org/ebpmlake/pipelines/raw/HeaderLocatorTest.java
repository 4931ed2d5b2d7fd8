package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.junit.jupiter.api.Test;

class HeaderLocatorTest {
    private final DatasetCatalog catalog = DatasetCatalog.load();
    private final HeaderLocator kpiActuals = new HeaderLocator(catalog.dataset("kpi_actuals_reported"));

    @Test
    void findsTheHeaderBelowTitleRowsAndMapsColumnsInAnyOrder() {
        HeaderLayout layout = kpiActuals.locate("k.csv", rows(
                "令和6年度 KPI実績報告（市民局）",
                "",
                "年度,報告所属,指標ID,実績値",
                "令和5年度,市民局,K01-01-1,1200"), List.of());

        assertThat(layout.headerLines()).isEqualTo(3);
        assertThat(layout.fieldOfColumn()).containsExactly(2, 0, 3, 1);
        assertThat(layout.extraHeaders()).isEmpty();
    }

    @Test
    void passesOverAUnitsRowBelowTheHeader() {
        HeaderLayout layout = kpiActuals.locate("k.csv", rows(
                "指標ID,年度,実績値,報告所属",
                "（ID）,（和暦可）,（件・％）,",
                "K01-01-1,令和5年度,1200,市民局"), List.of());

        assertThat(layout.headerLines()).isEqualTo(2);
    }

    @Test
    void readsANameSplitOverTwoHeaderRows() {
        HeaderLayout layout = kpiActuals.locate("k.csv", rows(
                "指標ID,年度,実績,報告所属",
                ",,値,",
                "K01-01-1,令和5年度,1200,市民局"), List.of());

        assertThat(layout.headerLines()).isEqualTo(2);
        assertThat(layout.fieldOfColumn()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void readsAGroupHeadingOverTheColumnNames() {
        HeaderLayout layout = kpiActuals.locate("k.csv", rows(
                "指標,,実績,",
                "指標ID,年度,実績値（件）,報告所属",
                "K01-01-1,令和5年度,1200,市民局"), List.of());

        assertThat(layout.headerLines()).isEqualTo(2);
        assertThat(layout.fieldOfColumn()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void readsNamesInMergedWorkbookCells() {
        // A title merged over A1:D1; 指標ID and 年度 merged down over rows 2-3; 実績 merged across C2:D2 over 値 and 所属.
        List<SheetRow> rows = List.of(
                new SheetRow(1, 1, List.of("KPI実績報告")),
                new SheetRow(2, 2, List.of("指標ID", "年度", "実績", "")),
                new SheetRow(3, 3, List.of("", "", "値", "報告所属")),
                new SheetRow(4, 4, List.of("K01-01-1", "令和5年度", "1200", "市民局")));
        List<MergedRegion> merged = List.of(
                new MergedRegion(1, 1, 0, 3, "KPI実績報告"),
                new MergedRegion(2, 3, 0, 0, "指標ID"),
                new MergedRegion(2, 3, 1, 1, "年度"),
                new MergedRegion(2, 2, 2, 3, "実績"));

        HeaderLayout layout = kpiActuals.locate("k.xlsx", rows, merged);

        assertThat(layout.headerLines()).isEqualTo(3);
        assertThat(layout.fieldOfColumn()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void ignoresAndReportsExtraColumnsAndReadsMissingOptionalColumnsAsEmpty() {
        HeaderLocator nurseVisits = new HeaderLocator(catalog.dataset("nurse_visits"));

        HeaderLayout layout = nurseVisits.locate("v.csv", rows(
                "Visit_ID, student_id ,visited_at,complaint,備考"), List.of());

        assertThat(layout.extraHeaders()).containsExactly("備考");
        assertThat(layout.missingOptional()).containsExactly("minutes_stayed", "sent_home");
        assertThat(layout.width()).isEqualTo(5);
        assertThat(layout.fieldOfColumn()).containsExactly(0, 1, 2, 3, -1, -1);
    }

    @Test
    void refusesAFileWithoutARequiredColumnNamingFileLineAndColumn() {
        assertThatThrownBy(() -> kpiActuals.locate("short.csv", rows("タイトル", "指標ID,年度,報告所属", "K01,令和5年度,市民局"), List.of()))
                .isInstanceOf(LakeException.class)
                .satisfies(error -> assertThat(((LakeException) error).category()).isEqualTo(ErrorCategory.INVALID_FILE))
                .hasMessageContaining("short.csv line 2: the header lacks the required column '実績値'");
    }

    @Test
    void refusesAColumnNamedTwice() {
        assertThatThrownBy(() -> kpiActuals.locate("twice.csv", rows("指標ID,年度,実績値,実績値,報告所属"), List.of()))
                .hasMessageContaining("twice.csv line 1: column '実績値' appears twice");
    }

    @Test
    void refusesAFileWhoseTopNamesNoColumn() {
        DatasetDeclaration students = catalog.dataset("students");

        assertThatThrownBy(() -> new HeaderLocator(students).locate("x.csv", rows("a,b,c", "1,2,3"), List.of()))
                .hasMessageContaining("x.csv: no row in the first 30 lines names a column of dataset students");
    }

    private static List<SheetRow> rows(String... lines) {
        List<SheetRow> rows = new ArrayList<>();
        for (int index = 0; index < lines.length; index++) {
            rows.add(new SheetRow(index + 1, index + 1, List.of(lines[index].split(",", -1))));
        }
        return rows;
    }
}
