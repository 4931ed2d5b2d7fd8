package org.ebpmlake.dashboards;

/**
 * The frame every page of the static site shares: UTF-8, Japanese first with a button that switches to English (the
 * choice is remembered), the site's menu, and the style and script under {@code assets/}. Pages fetch nothing:
 * their data is inside them and the chart library is bundled, so the site works on a closed network and from a file
 * share.
 */
final class SitePage {
    private SitePage() {
    }

    /** The page up to and including its menu; {@code root} leads back to the site's top ("" or "../"). */
    static String header(String titleJa, String titleEn, String root) {
        return header(titleJa, titleEn, root, false);
    }

    /** With {@code charts}, the page also loads the bundled Apache ECharts before the site's script. */
    static String header(String titleJa, String titleEn, String root, boolean charts) {
        StringBuilder html = new StringBuilder(2048);
        html.append("""
                <!DOCTYPE html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s / %2$s</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="%3$sassets/site.css">
                """.formatted(HtmlText.escape(titleJa), HtmlText.escape(titleEn), root));
        if (charts) {
            html.append("<script src=\"").append(root).append("assets/echarts.min.js\" defer></script>\n");
        }
        html.append("<script src=\"").append(root).append("assets/site.js\" defer></script>\n");
        html.append("</head>\n<body>\n<header class=\"site\">\n<button type=\"button\" id=\"lang\" aria-pressed=\"false\">")
                .append("<span class=\"ja\">English</span><span class=\"en\" lang=\"ja\">日本語</span></button>\n<nav>");
        String[][] menu = {
            {"index.html", "KPI進捗", "KPI progress"},
            {"report.html", "進捗報告書", "Progress report"},
            {"education-scores.html", "学力", "Test results"},
            {"education-wellbeing.html", "端末・心の天気・出欠", "Devices, mood, attendance"},
            {"footfall-midosuji.html", "御堂筋の人流", "Midosuji footfall"},
            {"evaluations.html", "政策評価", "Policy evaluations"},
            {"quality.html", "データ品質", "Data quality"},
            {"privacy.html", "匿名加工の検証", "Privacy reports"}};
        for (String[] item : menu) {
            html.append("<a href=\"").append(root).append(item[0]).append("\">").append(HtmlText.bilingual(item[1], item[2])).append("</a> ");
        }
        return html.append("</nav>\n</header>\n<main>\n").toString();
    }

    static String footer() {
        return "</main>\n<footer class=\"site\">" + HtmlText.bilingual("ebpm-lake（Apache License 2.0）・グラフ：Apache ECharts",
                "ebpm-lake (Apache License 2.0) · charts: Apache ECharts") + "</footer>\n</body>\n</html>\n";
    }
}
