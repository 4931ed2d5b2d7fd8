package org.ebpmlake.dashboards;

/**
 * Text written to a CSV that a person opens in a spreadsheet: a cell that starts like a formula (=, +, -, @, tab,
 * carriage return) gets a leading apostrophe, so Excel shows it as text instead of running it (CSV injection, as
 * OWASP describes it). Numbers are written as numbers and never pass through here.
 *
 * <p>TODO(integrator): issue 12's ingest helper adds one such class to the schemas module; this minimal copy stands in
 * until that is on main, and both should become one.
 */
final class SpreadsheetSafeText {
    private SpreadsheetSafeText() {
    }

    static String of(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }
}
