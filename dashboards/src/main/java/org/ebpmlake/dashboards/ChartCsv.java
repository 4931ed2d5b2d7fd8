package org.ebpmlake.dashboards;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.schemas.SpreadsheetCell;

/**
 * A chart's rows as the CSV a reader downloads (UTF-8 with a byte order mark, so Excel reads the Japanese): the
 * columns of {@link ChartColumns} with both languages in the header, a suppressed cell as 秘匿, and text cells
 * made inert for spreadsheets by {@link SpreadsheetCell}, the one place every export of the project does that.
 */
final class ChartCsv {
    static final String SUPPRESSED = "秘匿";

    private ChartCsv() {
    }

    static String of(ChartDeclaration chart, ChartData data) {
        Map<String, LocalizedText> columns = ChartColumns.of(chart);
        List<String> measures = ChartColumns.measureColumns(chart);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> header = new ArrayList<>();
            columns.forEach((name, label) -> header.add(label.ja() + " / " + label.en()));
            printer.printRecord(header);
            for (List<Object> row : data.rows()) {
                List<String> cells = new ArrayList<>();
                for (String column : columns.keySet()) {
                    Object value = row.get(data.column(column));
                    cells.add(cell(value, measures.contains(column) && suppressed(chart, data, row, column)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV of chart " + chart.id(), e);
        }
        return out.toString();
    }

    private static boolean suppressed(ChartDeclaration chart, ChartData data, List<Object> row, String measure) {
        return chart.measures().stream().filter(declared -> declared.column().equals(measure)).findFirst()
                .flatMap(declared -> declared.suppressedFlag())
                .map(flag -> Boolean.TRUE.equals(row.get(data.column(flag))))
                .orElse(false);
    }

    private static String cell(Object value, boolean suppressed) {
        if (suppressed) {
            return SUPPRESSED;
        }
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return SpreadsheetCell.inert(value.toString());
    }
}
