package org.ebpmlake.sql.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Renders a result as an aligned text table. Widths count display columns: full-width characters
 * (kanji, kana, full-width forms) take two, so Japanese values line up in a terminal.
 */
public final class ResultTable {
    private ResultTable() {
    }

    public static String render(QueryResult result) {
        requireNonNull(result, "result is null");
        List<String> columns = result.columns();
        int[] widths = new int[columns.size()];
        for (int column = 0; column < columns.size(); column++) {
            widths[column] = displayWidth(columns.get(column));
            for (List<String> row : result.rows()) {
                widths[column] = Math.max(widths[column], displayWidth(row.get(column)));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns, widths);
        for (int column = 0; column < widths.length; column++) {
            out.append(column == 0 ? "" : "-+-").append("-".repeat(widths[column]));
        }
        out.append('\n');
        for (List<String> row : result.rows()) {
            line(out, row, widths);
        }
        out.append("(").append(result.rows().size()).append(" 行 / rows)\n");
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> values, int[] widths) {
        for (int column = 0; column < widths.length; column++) {
            String value = values.get(column);
            out.append(column == 0 ? "" : " | ").append(value).append(" ".repeat(widths[column] - displayWidth(value)));
        }
        out.append('\n');
    }

    static int displayWidth(String text) {
        int width = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            width += wide(codePoint) ? 2 : 1;
            offset += Character.charCount(codePoint);
        }
        return width;
    }

    private static boolean wide(int codePoint) {
        return (codePoint >= 0x1100 && codePoint <= 0x115F)
                || (codePoint >= 0x2E80 && codePoint <= 0xA4CF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    }
}
