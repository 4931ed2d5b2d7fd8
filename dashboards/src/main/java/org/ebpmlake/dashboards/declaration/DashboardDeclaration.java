package org.ebpmlake.dashboards.declaration;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ebpmlake.schemas.LocalizedText;

/**
 * A dashboard declared once ({@code dashboards/src/main/resources/dashboards/<id>.yaml}): its titles, the SQL role that
 * may see it ({@code role}, one of the roles of {@code sql/…/access/Role.java}), the audience it is written for, and its
 * charts. Every renderer (the static site, Superset) renders exactly these charts.
 */
public record DashboardDeclaration(
        @JsonProperty("id") String id,
        @JsonProperty("title") LocalizedText title,
        @JsonProperty("description") Optional<LocalizedText> description,
        @JsonProperty("role") String role,
        @JsonProperty("page") String page,
        @JsonProperty("charts") List<ChartDeclaration> charts) {
    public DashboardDeclaration {
        requireNonNull(id, "id is null");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a dashboard id is lower case with dashes: '" + id + "'");
        }
        requireNonNull(title, "title is null for dashboard " + id);
        description = requireNonNull(description, "description is null");
        requireNonNull(role, "role is null for dashboard " + id);
        requireNonNull(page, "page is null for dashboard " + id);
        if (!page.matches("[a-z0-9-]+\\.html")) {
            throw new IllegalArgumentException("dashboard " + id + " has page '" + page + "', expected <name>.html at the site's top");
        }
        charts = List.copyOf(requireNonNull(charts, "charts is null for dashboard " + id));
        Set<String> ids = new HashSet<>();
        for (ChartDeclaration chart : charts) {
            if (!ids.add(chart.id())) {
                throw new IllegalArgumentException("dashboard " + id + " declares chart " + chart.id() + " twice");
            }
        }
    }

    public ChartDeclaration chart(String chartId) {
        return charts.stream().filter(chart -> chart.id().equals(chartId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dashboard " + id + " has no chart " + chartId));
    }
}
