package org.ebpmlake.dashboards;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The published statements of the anonymised tables, {@code statements/<table>.html}, and
 * {@code statements/index.html} listing them: for each table of tier anonymised that was created, the statement
 * the law requires (the categories of information it holds and how it was processed), in Japanese. The deid stage
 * generates the statement from the policy (and writes the same text as a file beside the release); this page
 * only shows it.
 */
public final class StatementPages {
    public static final String INDEX = "statements/index.html";

    /** One statement as the page shows it. */
    public record Statement(String title, String createdBy, LocalDate createdOn, String table, List<String> items,
            List<String> processing) {
        public Statement {
            requireNonNull(title, "title is null");
            requireNonNull(createdBy, "createdBy is null");
            requireNonNull(createdOn, "createdOn is null");
            requireNonNull(table, "table is null");
            items = List.copyOf(items);
            processing = List.copyOf(processing);
        }
    }

    private final Path siteDirectory;

    public StatementPages(Path siteDirectory) {
        this.siteDirectory = requireNonNull(siteDirectory, "siteDirectory is null");
    }

    /** Writes a page per statement and the index; returns the pages written. */
    public List<Path> write(List<Statement> statements) {
        List<Path> pages = new ArrayList<>();
        StringBuilder index = new StringBuilder(SitePage.header("匿名加工情報の公表", "Published statements", "../"));
        index.append("<h1>").append(HtmlText.bilingual("匿名加工情報の作成に関する公表", "Statements on creating anonymised data"))
                .append("</h1>\n<ul>\n");
        for (Statement statement : statements) {
            String name = statement.table().replace('.', '_') + ".html";
            Path page = siteDirectory.resolve("statements").resolve(name);
            PageFile.write(page, render(statement));
            pages.add(page);
            index.append("<li><a href=\"").append(HtmlText.escape(name)).append("\">").append(HtmlText.escape(statement.title()))
                    .append("</a>（").append(HtmlText.escape(statement.table())).append("）</li>\n");
        }
        index.append("</ul>\n").append(SitePage.footer());
        Path indexPage = siteDirectory.resolve(INDEX);
        PageFile.write(indexPage, index.toString());
        pages.add(indexPage);
        return pages;
    }

    static String render(Statement statement) {
        StringBuilder html = new StringBuilder(SitePage.header("匿名加工情報の公表：" + statement.title(),
                "Statement: " + statement.title(), "../"));
        html.append("<h1>").append(HtmlText.escape("匿名加工情報の作成に関する公表：" + statement.title())).append("</h1>\n<table>\n");
        row(html, "作成者", "Created by", statement.createdBy());
        row(html, "作成日", "Created on", statement.createdOn().toString());
        row(html, "区分", "Tier", "匿名加工情報（行政機関等匿名加工情報）");
        row(html, "対象", "Table", statement.table());
        html.append("</table>\n<h2>").append(HtmlText.bilingual("匿名加工情報に含まれる個人に関する情報の項目",
                "Categories of information about individuals it holds")).append("</h2>\n<ul>\n");
        statement.items().forEach(item -> html.append("<li>").append(HtmlText.escape(item)).append("</li>\n"));
        html.append("</ul>\n<h2>").append(HtmlText.bilingual("加工の方法", "How it was processed")).append("</h2>\n<ol>\n");
        statement.processing().forEach(step -> html.append("<li>").append(HtmlText.escape(step)).append("</li>\n"));
        return html.append("</ol>\n").append(SitePage.footer()).toString();
    }

    private static void row(StringBuilder html, String headingJa, String headingEn, String value) {
        html.append("<tr><th>").append(HtmlText.bilingual(headingJa, headingEn)).append("</th><td>")
                .append(HtmlText.escape(value)).append("</td></tr>\n");
    }
}
