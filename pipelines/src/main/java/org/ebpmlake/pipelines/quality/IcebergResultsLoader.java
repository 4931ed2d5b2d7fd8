package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.MetricsRepositoryMultipleResultsLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;

/**
 * Deequ's query over {@link IcebergMetricsRepository}: results whose tags include the given ones, within the time
 * bounds, each narrowed to the given analyzers' metrics (results left without any are dropped, so an anomaly
 * check's history holds only points of its own metric). Immutable: every refinement returns a new loader.
 */
final class IcebergResultsLoader implements MetricsRepositoryMultipleResultsLoader {
    private final IcebergMetricsRepository repository;
    private final Map<String, String> tags;
    private final Optional<List<Analyzer<?, Metric<?>>>> analyzers;
    private final Optional<Long> after;
    private final Optional<Long> before;

    IcebergResultsLoader(IcebergMetricsRepository repository, Map<String, String> tags,
            Optional<List<Analyzer<?, Metric<?>>>> analyzers, Optional<Long> after, Optional<Long> before) {
        this.repository = requireNonNull(repository, "repository is null");
        this.tags = Map.copyOf(requireNonNull(tags, "tags is null"));
        this.analyzers = requireNonNull(analyzers, "analyzers is null");
        this.after = requireNonNull(after, "after is null");
        this.before = requireNonNull(before, "before is null");
    }

    @Override
    public MetricsRepositoryMultipleResultsLoader withTagValues(scala.collection.immutable.Map<String, String> tagValues) {
        return new IcebergResultsLoader(repository, JavaConverters.mapAsJavaMap(tagValues), analyzers, after, before);
    }

    @Override
    public MetricsRepositoryMultipleResultsLoader forAnalyzers(Seq<Analyzer<?, Metric<?>>> wanted) {
        return new IcebergResultsLoader(repository, tags, Optional.of(List.copyOf(JavaConverters.seqAsJavaList(wanted))),
                after, before);
    }

    @Override
    public MetricsRepositoryMultipleResultsLoader after(long dateTime) {
        return new IcebergResultsLoader(repository, tags, analyzers, Optional.of(dateTime), before);
    }

    @Override
    public MetricsRepositoryMultipleResultsLoader before(long dateTime) {
        return new IcebergResultsLoader(repository, tags, analyzers, after, Optional.of(dateTime));
    }

    @Override
    public Seq<AnalysisResult> get() {
        List<AnalysisResult> selected = new ArrayList<>();
        for (AnalysisResult result : repository.results(Optional.ofNullable(tags.get(IcebergMetricsRepository.DATASET)), after, before)) {
            Map<String, String> resultTags = JavaConverters.mapAsJavaMap(result.resultKey().tags());
            if (!tags.entrySet().stream().allMatch(tag -> tag.getValue().equals(resultTags.get(tag.getKey())))) {
                continue;
            }
            AnalyzerContext narrowed = narrow(result.analyzerContext());
            if (!narrowed.metricMap().isEmpty()) {
                selected.add(new AnalysisResult(result.resultKey(), narrowed));
            }
        }
        return JavaConverters.asScalaBuffer(selected).toSeq();
    }

    private AnalyzerContext narrow(AnalyzerContext context) {
        if (analyzers.isEmpty()) {
            return context;
        }
        List<Analyzer<?, Metric<?>>> wanted = analyzers.get();
        return new AnalyzerContext(context.metricMap().filterKeys(new AbstractFunction1<Analyzer<?, Metric<?>>, Object>() {
            @Override
            public Object apply(Analyzer<?, Metric<?>> analyzer) {
                return wanted.contains(analyzer);
            }
        }));
    }
}
