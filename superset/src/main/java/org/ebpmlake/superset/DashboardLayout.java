package org.ebpmlake.superset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ebpmlake.dashboards.declaration.ChartType;

/**
 * A dashboard's layout ({@code position_json}, Superset's layout version 2) in the declared order: the title as its
 * header, then rows of charts, two to a row, a table alone across the whole width. Built only from the declaration
 * and the charts' ids, so the same definitions give the same layout, byte for byte.
 */
final class DashboardLayout {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GRID_WIDTH = 12;

    /** A chart placed on the dashboard. */
    record Placed(long chartId, String title, ChartType type) {
        Placed {
            requireNonNull(title, "title is null");
            requireNonNull(type, "type is null");
        }

        boolean wide() {
            return type == ChartType.TABLE || type == ChartType.KPI_TABLE || type == ChartType.MESH_HEATMAP;
        }
    }

    private DashboardLayout() {
    }

    static ObjectNode of(String title, List<Placed> charts) {
        ObjectNode layout = JSON.createObjectNode();
        layout.put("DASHBOARD_VERSION_KEY", "v2");
        layout.putObject("ROOT_ID").put("type", "ROOT").put("id", "ROOT_ID").putArray("children").add("GRID_ID");
        ObjectNode grid = layout.putObject("GRID_ID").put("type", "GRID").put("id", "GRID_ID");
        ArrayNode rows = grid.putArray("children");
        grid.putArray("parents").add("ROOT_ID");
        layout.putObject("HEADER_ID").put("type", "HEADER").put("id", "HEADER_ID").putObject("meta").put("text", title);
        ArrayNode row = null;
        int used = GRID_WIDTH;
        for (Placed chart : charts) {
            int width = chart.wide() ? GRID_WIDTH : GRID_WIDTH / 2;
            if (row == null || used + width > GRID_WIDTH) {
                String rowId = "ROW-" + rows.size();
                rows.add(rowId);
                ObjectNode rowNode = layout.putObject(rowId).put("type", "ROW").put("id", rowId);
                row = rowNode.putArray("children");
                rowNode.putArray("parents").add("ROOT_ID").add("GRID_ID");
                rowNode.putObject("meta").put("background", "BACKGROUND_TRANSPARENT");
                used = 0;
            }
            String chartId = "CHART-" + chart.chartId();
            row.add(chartId);
            used += width;
            ObjectNode node = layout.putObject(chartId).put("type", "CHART").put("id", chartId);
            node.putArray("children");
            node.putArray("parents").add("ROOT_ID").add("GRID_ID").add("ROW-" + (rows.size() - 1));
            node.putObject("meta").put("width", width).put("height", 60).put("chartId", chart.chartId()).put("sliceName", chart.title());
        }
        return layout;
    }
}
