package org.ebpmlake.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.FieldDeclaration;
import org.ebpmlake.dashboards.declaration.MeasureDeclaration;
import org.ebpmlake.schemas.LocalizedText;

/**
 * The columns a chart's table and CSV show, in order, with their labels: its fields (a code shown with its names),
 * then its measures with their units. The page's script shows the same columns, so the table, the CSV of all rows
 * and the CSV of the rows on screen agree.
 */
final class ChartColumns {
    private ChartColumns() {
    }

    /** Column name → its label; the suppression flags are not shown (a hidden cell shows 秘匿 instead). */
    static Map<String, LocalizedText> of(ChartDeclaration chart) {
        Map<String, LocalizedText> columns = new LinkedHashMap<>();
        for (FieldDeclaration field : chart.fields()) {
            columns.putIfAbsent(field.column(), field.label());
            field.labelColumns().ifPresent(labels -> {
                columns.putIfAbsent(labels.ja(), new LocalizedText(field.label().ja() + "（名称）", field.label().en() + " (name)"));
                columns.putIfAbsent(labels.en(), new LocalizedText(field.label().ja() + "（英語名）", field.label().en() + " (English name)"));
            });
        }
        for (MeasureDeclaration measure : chart.measures()) {
            String unit = measure.unit().isEmpty() ? "" : "（" + measure.unit() + "）";
            String unitEn = measure.unit().isEmpty() ? "" : " (" + measure.unit() + ")";
            columns.put(measure.column(), new LocalizedText(measure.label().ja() + unit, measure.label().en() + unitEn));
        }
        return columns;
    }

    static List<String> measureColumns(ChartDeclaration chart) {
        List<String> measures = new ArrayList<>();
        chart.measures().forEach(measure -> measures.add(measure.column()));
        return measures;
    }
}
