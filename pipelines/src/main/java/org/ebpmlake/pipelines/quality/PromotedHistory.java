package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.MetricsRepository;
import com.amazon.deequ.repository.MetricsRepositoryMultipleResultsLoader;
import com.amazon.deequ.repository.ResultKey;
import java.util.Set;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The metrics repository as an anomaly check must see it: only the results of batches the gate admitted (passed,
 * waived or promoted), so a blocked, withdrawn or superseded delivery never becomes the yardstick of the next.
 * Saving goes to the repository unchanged.
 */
final class PromotedHistory implements MetricsRepository {
    private final MetricsRepository repository;
    private final Set<String> admittedBatches;

    PromotedHistory(MetricsRepository repository, Set<String> admittedBatches) {
        this.repository = requireNonNull(repository, "repository is null");
        this.admittedBatches = Set.copyOf(requireNonNull(admittedBatches, "admittedBatches is null"));
    }

    @Override
    public void save(ResultKey resultKey, AnalyzerContext analyzerContext) {
        repository.save(resultKey, analyzerContext);
    }

    @Override
    public scala.Option<AnalyzerContext> loadByKey(ResultKey resultKey) {
        if (!admitted(resultKey)) {
            return scala.Option.empty();
        }
        return repository.loadByKey(resultKey);
    }

    @Override
    public MetricsRepositoryMultipleResultsLoader load() {
        return new AdmittedLoader(repository.load());
    }

    private boolean admitted(ResultKey key) {
        return key.tags().get(IcebergMetricsRepository.BATCH).exists(new scala.runtime.AbstractFunction1<String, Object>() {
            @Override
            public Object apply(String batch) {
                return admittedBatches.contains(batch);
            }
        });
    }

    /** The repository's loader, its results narrowed to admitted batches. */
    private final class AdmittedLoader implements MetricsRepositoryMultipleResultsLoader {
        private final MetricsRepositoryMultipleResultsLoader loader;

        AdmittedLoader(MetricsRepositoryMultipleResultsLoader loader) {
            this.loader = loader;
        }

        @Override
        public MetricsRepositoryMultipleResultsLoader withTagValues(scala.collection.immutable.Map<String, String> tagValues) {
            return new AdmittedLoader(loader.withTagValues(tagValues));
        }

        @Override
        public MetricsRepositoryMultipleResultsLoader forAnalyzers(Seq<Analyzer<?, Metric<?>>> analyzers) {
            return new AdmittedLoader(loader.forAnalyzers(analyzers));
        }

        @Override
        public MetricsRepositoryMultipleResultsLoader after(long dateTime) {
            return new AdmittedLoader(loader.after(dateTime));
        }

        @Override
        public MetricsRepositoryMultipleResultsLoader before(long dateTime) {
            return new AdmittedLoader(loader.before(dateTime));
        }

        @Override
        public Seq<AnalysisResult> get() {
            return JavaConverters.asScalaBuffer(JavaConverters.seqAsJavaList(loader.get()).stream()
                    .filter(result -> admitted(result.resultKey())).toList()).toSeq();
        }
    }
}
