package org.ebpmlake.dashboards;

/**
 * The frame every page of the static site shares: UTF-8, Japanese first with a button that switches to
 * English, and one style sheet inline so each page opens on its own from a file share.
 */
final class SitePage {
    private SitePage() {
    }

    /** The page up to and including its heading; {@code root} leads back to the site's top ("" or "../"). */
    static String header(String titleJa, String titleEn, String root) {
        return """
                <!DOCTYPE html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s / %2$s</title>
                <style>
                body{font-family:"Hiragino Sans","Noto Sans JP","Yu Gothic",sans-serif;margin:1.5rem;color:#1a1a1a}
                body .en{display:none} body.english .en{display:inline} body.english .ja{display:none}
                table{border-collapse:collapse;width:100%%;margin-bottom:2rem;font-size:.9rem}
                th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
                th{background:#f0f3f7} td.number{text-align:right;white-space:nowrap}
                .status{font-weight:bold;white-space:nowrap}
                .achieved{color:#0b6b2b}.on_track{color:#1b5fa8}.at_risk{color:#a86b00}.off_track{color:#b3261e}.no_data{color:#666}
                .summary span.count{margin-right:1.2rem}
                </style>
                </head>
                <body>
                <button type="button" onclick="document.body.classList.toggle('english')">日本語 / English</button>
                <nav><a href="%3$sindex.html">%4$s</a> | <a href="%3$squality.html">%5$s</a> | <a href="%3$sprivacy.html">%6$s</a></nav>
                """.formatted(HtmlText.escape(titleJa), HtmlText.escape(titleEn), root,
                HtmlText.bilingual("KPI一覧", "All KPIs"), HtmlText.bilingual("データ品質", "Data quality"),
                HtmlText.bilingual("匿名加工の検証", "Privacy reports"));
    }

    static String footer() {
        return "</body>\n</html>\n";
    }
}
