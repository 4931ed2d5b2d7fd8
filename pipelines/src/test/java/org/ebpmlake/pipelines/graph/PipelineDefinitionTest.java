package org.ebpmlake.pipelines.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.pipelines.deid.PrivacyPolicy;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.DeliverySchedule;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.junit.jupiter.api.Test;

/** The lake's pipeline definition: a graph whose edges follow from what each task reads and writes. */
class PipelineDefinitionTest {
    private static final DatasetCatalog DATASETS = DatasetCatalog.load();
    private static final List<PrivacyPolicy> POLICIES = PrivacyPolicy.loadAll(LakeExtension.repositoryRoot().resolve("conf/privacy"));
    private final PipelineDefinition pipeline = LakePipeline.define(DATASETS, POLICIES);

    @Test
    void everyTaskReadsOnlyWhatAnEarlierTaskWritesOrWhatItWroteItself() {
        List<PipelineTask> tasks = pipeline.tasks();
        for (int index = 0; index < tasks.size(); index++) {
            PipelineTask task = tasks.get(index);
            List<PipelineTask> earlier = tasks.subList(0, index);
            for (TableSlice read : task.reads()) {
                assertThat(task.writesInto(read) || earlier.stream().anyMatch(writer -> writer.writesInto(read)))
                        .as("%s reads %s: written by an earlier task (or its own history)", task.id(), read).isTrue();
            }
        }
    }

    @Test
    void refusesADefinitionInWhichATaskReadsATableNoEarlierTaskWrites() {
        TableName raw = new TableName(Zone.RAW, "residents");
        TableName curated = new TableName(Zone.CURATED, "residents");
        PipelineTask promote = task("promote.residents", Set.of(TableSlice.whole(raw)), Set.of(TableSlice.whole(curated)));
        PipelineTask ingest = task("ingest.residents", Set.of(), Set.of(TableSlice.whole(raw)));

        assertThatThrownBy(() -> new PipelineDefinition(List.of(promote, ingest)))
                .hasMessageContaining("promote.residents reads raw.residents, which no earlier task writes");
        assertThat(new PipelineDefinition(List.of(ingest, promote)).dependencies())
                .containsExactly(new TaskDependency("ingest.residents", "promote.residents"));
    }

    @Test
    void derivesEachSourcesChainAndTheCrossDatasetEdgesFromReadsAndWrites() {
        assertThat(pipeline.upstreamOf("quality.residents")).containsExactly("ingest.residents");
        assertThat(pipeline.upstreamOf("promote.residents")).containsExactlyInAnyOrder("ingest.residents", "quality.residents");
        // The students' gate checks school codes against the schools' admitted batches: after their gate and promotion.
        assertThat(pipeline.upstreamOf("quality.students")).containsExactlyInAnyOrder("ingest.students", "ingest.schools",
                "quality.schools", "promote.schools");
        assertThat(pipeline.upstreamOf("deid.students")).containsExactlyInAnyOrder("promote.students", "promote.schools");
        assertThat(pipeline.upstreamOf("kpi.progress")).containsExactlyInAnyOrder("reference.kpi_catalog", "kpi.actuals");
        assertThat(pipeline.upstreamOf("kpi.actuals")).contains("promote.residents", "promote.learning_logs",
                "promote.kpi_actuals_reported", "audit.query_log");
        assertThat(pipeline.upstreamOf(LakePipeline.SITE)).contains("kpi.progress", "kpi.reporting", "mart.footfall", "mart.education",
                "quality.residents").containsAll(POLICIES.stream().map(policy -> "deid." + policy.table().name()).toList());
        assertThat(pipeline.upstreamOf("mart.education")).containsExactlyInAnyOrder("promote.schools", "promote.students",
                "promote.test_scores", "promote.learning_logs", "promote.mood_checkins", "promote.attendance", "promote.nurse_visits");
        // Maintenance comes after every task that commits to a table.
        assertThat(pipeline.upstreamOf(LakePipeline.MAINTAIN)).containsAll(pipeline.tasks().stream()
                .filter(task -> !task.writes().isEmpty()).map(PipelineTask::id).toList());
    }

    @Test
    void aSharedOpsTableKeepsTheTasksOfDifferentDatasetsIndependent() {
        assertThat(pipeline.upstreamOf("quality.schools")).containsExactly("ingest.schools");
        assertThat(pipeline.upstreamOf("ingest.students")).isEmpty();
        assertThat(pipeline.upstreamOf("deid.residents")).containsExactly("promote.residents");
    }

    @Test
    void everySourceDatasetIsIngestedCheckedAndPromotedAndEveryPolicyPublished() {
        for (DatasetDeclaration source : DATASETS.datasets().stream().filter(dataset -> dataset.isSource()).toList()) {
            for (String stage : List.of("ingest.", "quality.", "promote.")) {
                assertThat(pipeline.find(stage + source.name())).as(stage + source.name()).isPresent();
            }
        }
        for (PrivacyPolicy policy : POLICIES) {
            assertThat(pipeline.task("deid." + policy.table().name()).writes()).contains(TableSlice.whole(policy.table()));
        }
        // Two policies of one dataset (the anonymised and the pseudonymised registry) are two tasks.
        assertThat(pipeline.find("deid.residents_internal")).isPresent();
        assertThat(pipeline.tasks().get(pipeline.tasks().size() - 2).id()).isEqualTo(LakePipeline.SITE);
        assertThat(pipeline.tasks().get(pipeline.tasks().size() - 1).id()).isEqualTo(LakePipeline.MAINTAIN);
    }

    @Test
    void sourceTasksRunOnTheirDeliveryScheduleAndTheRestOnTheMostFrequentScheduleTheyReadFrom() {
        assertThat(pipeline.task("ingest.residents").schedule()).isEqualTo(DeliverySchedule.MONTHLY);
        assertThat(pipeline.task("deid.residents").schedule()).isEqualTo(DeliverySchedule.MONTHLY);
        assertThat(pipeline.task("promote.kpi_actuals_reported").schedule()).isEqualTo(DeliverySchedule.QUARTERLY);
        assertThat(pipeline.task("quality.gps_pings").schedule()).isEqualTo(DeliverySchedule.DAILY);
        // The KPIs read the monthly registry and the quarterly reports too, but the daily sources decide.
        assertThat(pipeline.task("kpi.actuals").schedule()).isEqualTo(DeliverySchedule.DAILY);
        assertThat(pipeline.task(LakePipeline.SITE).schedule()).isEqualTo(DeliverySchedule.DAILY);
        assertThat(pipeline.task(LakePipeline.MAINTAIN).schedule()).isEqualTo(DeliverySchedule.DAILY);
    }

    @Test
    void theSchedulesSplitTheTasksAndEachKeepsOnlyTheEdgesBetweenItsOwnTasks() {
        List<PipelineTask> daily = pipeline.scheduled(DeliverySchedule.DAILY);
        List<PipelineTask> monthly = pipeline.scheduled(DeliverySchedule.MONTHLY);
        List<PipelineTask> quarterly = pipeline.scheduled(DeliverySchedule.QUARTERLY);

        assertThat(daily.size() + monthly.size() + quarterly.size()).isEqualTo(pipeline.tasks().size());
        assertThat(monthly).extracting(PipelineTask::id)
                .containsExactly("ingest.residents", "quality.residents", "promote.residents", "deid.residents", "deid.residents_internal");
        assertThat(pipeline.dependenciesWithin(monthly)).containsExactlyInAnyOrder(
                new TaskDependency("ingest.residents", "quality.residents"), new TaskDependency("ingest.residents", "promote.residents"),
                new TaskDependency("quality.residents", "promote.residents"), new TaskDependency("promote.residents", "deid.residents"),
                new TaskDependency("promote.residents", "deid.residents_internal"));
        assertThat(pipeline.dependenciesWithin(daily)).noneMatch(edge -> edge.upstream().endsWith(".residents"));
    }

    @Test
    void resumingFromATaskRunsItAndOnlyTheTasksThatDependOnIt() {
        assertThat(pipeline.from("deid.residents")).extracting(PipelineTask::id)
                .containsExactly("deid.residents", LakePipeline.SITE, LakePipeline.MAINTAIN);
        List<String> fromSchools = pipeline.from("promote.schools").stream().map(PipelineTask::id).toList();
        assertThat(fromSchools).startsWith("promote.schools").contains("quality.students", "promote.students", "deid.students",
                "kpi.actuals", LakePipeline.SITE).doesNotContain("ingest.schools", "quality.schools", "promote.residents");
    }

    @Test
    void anUnknownTaskIsAPersonsMistakeAnsweredWithTheTasksThereAre() {
        assertThatThrownBy(() -> pipeline.task("ingest.mayors"))
                .isInstanceOf(LakeException.class).hasMessageContaining("ingest.mayors").hasMessageContaining("ingest.residents");
    }

    private static PipelineTask task(String id, Set<TableSlice> reads, Set<TableSlice> writes) {
        return new PipelineTask(id, TaskKind.INGEST, "residents", reads, writes, DeliverySchedule.DAILY, Duration.ofMinutes(5), 0);
    }
}
