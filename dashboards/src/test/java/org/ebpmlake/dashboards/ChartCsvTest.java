package org.ebpmlake.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.ebpmlake.dashboards.declaration.DashboardCatalog;
import org.junit.jupiter.api.Test;

/** A chart's CSV download as a reader opens it in a spreadsheet. */
class ChartCsvTest {
    private final DashboardCatalog dashboards = DashboardCatalog.load();

    @Test
    void aTextCellThatASpreadsheetWouldRunIsWrittenInertAndNumbersStayNumbers() {
        ChartData data = new ChartData(List.of("kpi_id", "fiscal_year", "reported_by", "received_at", "actual_value"),
                List.of(Arrays.asList("K01-01-1", 2024, "=HYPERLINK(\"http://example.com\",\"市民局\")", "2025-04-01 09:00", -5),
                        Arrays.asList("K01-01-1", 2025, "@SUM(A1)", "2025-04-02 09:00", 12)));

        String csv = ChartCsv.of(dashboards.dashboard("kpi-overview").chart("kpi-receipts"), data);

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"市民局\"\")\"").contains("'@SUM(A1)")
                .contains(",-5").doesNotContain(",'-5").doesNotContain("''");
    }
}
