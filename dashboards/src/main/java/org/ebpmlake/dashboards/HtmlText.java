package org.ebpmlake.dashboards;

/**
 * Escapes text for HTML element content and attribute values. Five characters are all HTML needs; a
 * library (commons-text) would add a dependency for this one method.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Japanese shown by default, English when the reader switches language. */
    static String bilingual(String ja, String en) {
        return "<span class=\"ja\">" + escape(ja) + "</span><span class=\"en\" lang=\"en\">" + escape(en) + "</span>";
    }
}
