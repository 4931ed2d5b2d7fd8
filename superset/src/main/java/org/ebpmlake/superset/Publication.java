package org.ebpmlake.superset;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * What a publish did: how many Superset objects (databases, datasets, charts, dashboards, roles, users) it created,
 * updated, left unchanged and deleted, the ids of the declared dashboards, charts and datasets, and how long it took.
 *
 * @param dashboards dashboard id of each declared dashboard (by declaration id)
 * @param charts chart id of each declared chart (by {@code <dashboard>/<chart>})
 * @param datasets dataset id of each declared chart (by {@code <dashboard>/<chart>})
 */
public record Publication(int created, int updated, int unchanged, int deleted, Map<String, Long> dashboards, Map<String, Long> charts,
        Map<String, Long> datasets, Duration took) {
    public Publication {
        dashboards = Map.copyOf(requireNonNull(dashboards, "dashboards is null"));
        charts = Map.copyOf(requireNonNull(charts, "charts is null"));
        datasets = Map.copyOf(requireNonNull(datasets, "datasets is null"));
        requireNonNull(took, "took is null");
    }

    /** One line for the steward, Japanese first. */
    public String summary() {
        return String.format("Superset に公開しました / published to Superset: %d dashboards, %d charts — 作成 created %d, 更新 updated %d,"
                + " 変更なし unchanged %d, 削除 deleted %d (%.1f s)", dashboards.size(), charts.size(), created, updated, unchanged, deleted,
                took.toMillis() / 1000.0);
    }
}
