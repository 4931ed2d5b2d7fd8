package org.ebpmlake.launcher;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.V2WriteCommand;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.run.TaskResult;
import org.ebpmlake.pipelines.run.TaskObserver;
import scala.runtime.AbstractPartialFunction;

/**
 * Watches an embedded run through Spark: every table each task's queries read or wrote (an Iceberg metadata table
 * such as {@code raw.quarantine.snapshots} counts as its table), so a test can hold the definition's declared reads and
 * writes against what the code really does.
 */
final class TableAccessObserver implements TaskObserver, QueryExecutionListener {
    private final SparkSession spark;
    private final String catalogName;
    private final Map<String, Set<String>> touched = new HashMap<>();
    private final Set<String> current = ConcurrentHashMap.newKeySet();

    TableAccessObserver(SparkSession spark, String catalogName) {
        this.spark = spark;
        this.catalogName = catalogName;
    }

    /** The tables ({@code zone.name}) each task touched, by task id. */
    Map<String, Set<String>> touched() {
        return Map.copyOf(touched);
    }

    @Override
    public void started(PipelineTask task) {
        drain();
        current.clear();
    }

    @Override
    public void ended(PipelineTask task, TaskResult result) {
        drain();
        touched.put(task.id(), new TreeSet<>(current));
        current.clear();
    }

    @Override
    public void onSuccess(String function, QueryExecution execution, long durationNanos) {
        record(execution.analyzed());
    }

    @Override
    public void onFailure(String function, QueryExecution execution, Exception exception) {
        record(execution.analyzed());
    }

    private void record(LogicalPlan plan) {
        scala.collection.JavaConverters.seqAsJavaList(plan.collectWithSubqueries(new AbstractPartialFunction<LogicalPlan, String>() {
            @Override
            public boolean isDefinedAt(LogicalPlan node) {
                return relationOf(node).isPresent();
            }

            @Override
            public String apply(LogicalPlan node) {
                return relationOf(node).orElseThrow();
            }
        })).forEach(current::add);
    }

    /** The lake table a plan node reads (a relation) or writes (a V2 write command's target). */
    private Optional<String> relationOf(LogicalPlan node) {
        Object relation = node;
        if (node instanceof V2WriteCommand write) {
            relation = write.table();
        }
        if (relation instanceof DataSourceV2Relation table && table.identifier().isDefined()
                && table.catalog().isDefined() && table.catalog().get().name().equals(catalogName)) {
            Identifier identifier = table.identifier().get();
            String[] namespace = identifier.namespace();
            if (namespace.length == 2) {
                return Optional.of(namespace[0] + "." + namespace[1]);
            }
            return Optional.of(namespace[0] + "." + identifier.name());
        }
        return Optional.empty();
    }

    /** Spark tells its listeners on a thread of its own: wait until it has told them everything so far. */
    private void drain() {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain", e);
        }
    }
}
