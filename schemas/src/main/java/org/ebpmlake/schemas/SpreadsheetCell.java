package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Keeps text from being run as a spreadsheet formula. Excel, LibreOffice and Google Sheets treat a cell that
 * starts with {@code = + - @}, a tab or a carriage return as a formula (or a DDE command) when a CSV or xlsx
 * file is opened, so text that came from a delivery or a person must never reach a spreadsheet that way.
 * Ingestion stores such text inert and flags it; every CSV or xlsx the project writes passes its cells
 * through {@link #inert}. The neutral form is the one OWASP recommends and Excel itself uses for text: a
 * leading apostrophe, which shows the text as written and is never evaluated.
 *
 * <p>A plain number ({@code -12}, {@code +3.5}, {@code -1.2E3}) is left alone: a spreadsheet reads it as the
 * number it is, and a table of figures must stay a table of figures. Full-width {@code ＝ ＋ － ＠} count as
 * formula starts too, because Japanese Excel turns them into their ASCII forms as it reads the cell.
 */
public final class SpreadsheetCell {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetCell() {
    }

    /** Whether a spreadsheet would read this text as a formula. */
    public static boolean startsLikeFormula(String text) {
        requireNonNull(text, "text is null");
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        boolean trigger = switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
        return trigger && !PLAIN_NUMBER.matcher(text).matches();
    }

    /** The text as a spreadsheet shows it without evaluating it: unchanged, or with a leading apostrophe. */
    public static String inert(String text) {
        requireNonNull(text, "text is null");
        if (startsLikeFormula(text)) {
            return "'" + text;
        }
        return text;
    }
}
