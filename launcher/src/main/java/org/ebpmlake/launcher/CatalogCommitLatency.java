package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.ebpmlake.lake.LakeJdbcCatalog;

/**
 * How long one commit takes through a catalog: a table's metadata changed {@code commits} times in a row, each change a
 * whole Iceberg commit (a new metadata file written, then the catalog's pointer swapped by compare-and-set), which is
 * what every write of the lake pays on top of writing its data.
 */
final class CatalogCommitLatency {
    /** Milliseconds per commit: median, 95th percentile and mean. */
    record Figures(int commits, double medianMillis, double p95Millis, double meanMillis) {
        String describe() {
            return String.format("%d commits: median %.1f ms, p95 %.1f ms, mean %.1f ms", commits, medianMillis, p95Millis, meanMillis);
        }
    }

    private CatalogCommitLatency() {
    }

    static Figures measure(LakeJdbcCatalog catalog, int commits) {
        requireNonNull(catalog, "catalog is null");
        if (commits < 2) {
            throw new IllegalArgumentException("measure at least 2 commits, not " + commits);
        }
        Namespace namespace = Namespace.of("bench");
        if (!catalog.namespaceExists(namespace)) {
            catalog.createNamespace(namespace);
        }
        TableIdentifier name = TableIdentifier.of(namespace, "commit_latency_" + System.nanoTime());
        Table table = catalog.createTable(name, new Schema(Types.NestedField.required(1, "id", Types.LongType.get())));
        try {
            // The first commits warm the connection and the JIT; they are not counted.
            for (int warmUp = 0; warmUp < 5; warmUp++) {
                table.updateProperties().set("bench.warm-up", Integer.toString(warmUp)).commit();
            }
            double[] millis = new double[commits];
            for (int commit = 0; commit < commits; commit++) {
                long started = System.nanoTime();
                table.updateProperties().set("bench.commit", Integer.toString(commit)).commit();
                millis[commit] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(millis);
            double mean = Arrays.stream(millis).average().orElseThrow();
            return new Figures(commits, millis[commits / 2], millis[(int) Math.ceil(commits * 0.95) - 1], mean);
        } finally {
            catalog.dropTable(name, true);
        }
    }
}
