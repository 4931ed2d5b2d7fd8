package org.ebpmlake.pipelines.mart.education;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ebpmlake.anonymize.KeyedPseudonymizer;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.curated.CuratedPromotion;
import org.ebpmlake.pipelines.quality.QualityGate;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.pipelines.sources.SourceFile;
import org.ebpmlake.schemas.DatasetCatalog;

/** The sample's education sources at the tiny scale, ingested and promoted to curated, as ./lake run does. */
final class SampleEducation {
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);
    /**
     * In the order the pipeline promotes them: the gate checks a student's school and a score's student against curated,
     * so a dataset is checked only after those it refers to are promoted (a set's order changes from one JVM to the next).
     */
    private static final List<String> EDUCATION = List.of("schools", "students", "test_scores", "learning_logs", "mood_checkins",
            "attendance", "nurse_visits");

    private SampleEducation() {
    }

    static TemporaryLake curated(TemporaryLake lake) {
        lake.withTables();
        DatasetCatalog datasets = DatasetCatalog.load();
        List<SourceFile> files = new SampleSources(20250331, Scale.TINY, AS_OF).writeTo(lake.directory().resolve("sources"));
        RawIngestion ingestion = new RawIngestion(lake.spark(), lake.settings(), datasets, Clock.systemUTC());
        for (SourceFile file : files) {
            if (EDUCATION.contains(file.dataset())) {
                ingestion.ingest(file.dataset(), file.path(), AS_OF);
            }
        }
        CuratedPromotion promotion = new CuratedPromotion(lake.spark(), lake.settings(), datasets,
                new KeyedPseudonymizer(PseudonymKey.of("test-key-0123456789-0123456789-abcdef")));
        // Promotion takes only what the quality gate admitted.
        QualityGate gate = new QualityGate(lake.spark(), lake.settings(), datasets, Clock.systemUTC());
        for (String dataset : EDUCATION) {
            gate.check(dataset, "run-sample");
            promotion.promote(dataset);
        }
        return lake;
    }

}
