package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.analyzers.Analysis;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Completeness;
import com.amazon.deequ.analyzers.HdfsStateProvider;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.State;
import com.amazon.deequ.analyzers.StateLoader;
import com.amazon.deequ.analyzers.StatePersister;
import com.amazon.deequ.analyzers.runners.AnalysisRunner;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.Metric;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.ops.BatchRecord;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetDeclaration;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Deequ's state-based metrics for the gate: each batch's analyzer states (row count and the completeness of
 * every column of its accepted rows) are kept beside the lake when the batch is checked, and the same metrics of
 * all admitted batches together are computed by merging those states, never by reading the rows again. A run
 * thus measures only the new batch, whatever the size of what came before.
 */
final class BatchStates {
    /** The row count of the accepted rows. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Analyzer<?, Metric<?>> ROWS_ACCEPTED = (Analyzer) new Size(Option.apply(BatchRows.ACCEPTED));
    private static final int HISTOGRAM_PARTITIONS = 10;

    private final SparkSession spark;
    private final Path directory;

    BatchStates(SparkSession spark, LakeSettings settings) {
        this.spark = requireNonNull(spark, "spark is null");
        this.directory = requireNonNull(settings, "settings is null").warehouse().resolve("quality-states");
    }

    /** What is measured of every batch and kept as state. */
    static List<Analyzer<?, Metric<?>>> analyzers(DatasetDeclaration dataset) {
        List<Analyzer<?, Metric<?>>> analyzers = new ArrayList<>();
        analyzers.add(ROWS_ACCEPTED);
        for (ColumnDeclaration column : dataset.columns()) {
            analyzers.add(completeness(column.name()));
        }
        return List.copyOf(analyzers);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Analyzer<?, Metric<?>> completeness(String column) {
        return (Analyzer) new Completeness(column, Option.apply(BatchRows.ACCEPTED), Option.empty());
    }

    /** Keeps the states of {@link #analyzers} of one batch (and nothing heavier, such as key frequencies). */
    StatePersister persisterFor(BatchRecord batch) {
        HdfsStateProvider provider = provider(batch);
        return new StatePersister() {
            @Override
            public <S extends State<?>> void persist(Analyzer<S, ?> analyzer, S state) {
                if (analyzer instanceof Size || analyzer instanceof Completeness) {
                    provider.persist(analyzer, state);
                }
            }
        };
    }

    /** The metrics of the batches together, from their kept states; empty when none of them has states. */
    Optional<AnalyzerContext> together(DatasetDeclaration dataset, StructType schema, List<BatchRecord> batches) {
        List<StateLoader> loaders = new ArrayList<>();
        for (BatchRecord batch : batches) {
            if (Files.isDirectory(folder(batch))) {
                loaders.add(new MissingAsEmpty(provider(batch)));
            }
        }
        if (loaders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AnalysisRunner.runOnAggregatedStates(schema,
                new Analysis(JavaConverters.asScalaBuffer(analyzers(dataset)).toSeq()),
                JavaConverters.asScalaBuffer(loaders).toSeq(), Option.empty(), StorageLevel.MEMORY_AND_DISK(),
                Option.empty(), Option.empty()));
    }

    private HdfsStateProvider provider(BatchRecord batch) {
        return new HdfsStateProvider(spark, folder(batch).resolve("state").toUri().toString(), HISTOGRAM_PARTITIONS, true);
    }

    private Path folder(BatchRecord batch) {
        return directory.resolve(batch.dataset()).resolve(batch.batchId());
    }

    /**
     * A batch checked before a column was declared has no state for it: that batch then adds nothing to the
     * column's metric instead of failing the whole computation.
     */
    private record MissingAsEmpty(HdfsStateProvider provider) implements StateLoader {
        @Override
        public <S extends State<?>> Option<S> load(Analyzer<S, ?> analyzer) {
            try {
                return provider.load(analyzer);
            } catch (Exception failure) {
                // Scala throws Java's checked FileNotFoundException without declaring it.
                if (failure instanceof FileNotFoundException) {
                    return Option.empty();
                }
                throw failure;
            }
        }
    }
}
