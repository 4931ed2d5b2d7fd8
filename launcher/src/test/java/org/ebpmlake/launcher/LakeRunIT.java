package org.ebpmlake.launcher;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.ebpmlake.anonymize.PseudonymKey;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.graph.LakePipeline;
import org.ebpmlake.pipelines.graph.PipelineDefinition;
import org.ebpmlake.pipelines.graph.PipelineTask;
import org.ebpmlake.pipelines.raw.IngestionResult;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.reference.KpiCatalogFile;
import org.ebpmlake.reference.KpiDefinition;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DeliverySchedule;
import org.ebpmlake.schemas.PrivacyClass;
import org.ebpmlake.schemas.PrivacyTier;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The walking skeleton end to end, twice, on a real local Spark and a temporary Iceberg lake. */
@ExtendWith(LakeExtension.class)
class LakeRunIT {
    private static final String KEY_TEXT = "test-key-0123456789-0123456789-abcdef";
    private static final PseudonymKey KEY = PseudonymKey.of(KEY_TEXT);

    @Test
    void runsThePathEndToEndAndARerunDuplicatesNoRow(TemporaryLake lake) throws IOException {
        List<String> progress = new ArrayList<>();
        RunSummary first = new LakeRun(lake.spark(), lake.settings(), KEY, progress::add, Clock.systemUTC()).run();
        // The re-run de-identifies every policy with the Spark engine: the deid tables must come out the same.
        RunSummary second = new LakeRun(lake.spark(), lake.settings().withOption("lake.anonymize.engine", "spark"), KEY,
                progress::add, Clock.systemUTC()).run();

        int residents = LakeRun.sampleScale(lake.settings()).residents();
        long quarantined = first.ingestions().stream().mapToLong(ingestion -> ingestion.rowsQuarantined()).sum();
        assertThat(first.rowsOf("raw.residents")).isEqualTo(residents);
        assertThat(first.rowsOf("curated.residents")).isEqualTo(residents);
        assertThat(first.rowsOf("deid.residents")).isPositive().isLessThanOrEqualTo(residents);
        assertThat(first.rowsOf("mart.kpi_progress")).isEqualTo(KpiCatalogFile.load().size());
        // The samples carry a few deliberate flaws (an unfilled KPI cell, a bound instead of a figure, a cut-off log line).
        assertThat(quarantined).isGreaterThanOrEqualTo(3);
        assertThat(first.rowsOf("raw.quarantine")).isEqualTo(quarantined);
        for (TableCount table : first.tables()) {
            if (!table.table().startsWith("ops.")) {
                assertThat(second.rowsOf(table.table())).as("rows of %s after the re-run", table.table()).isEqualTo(table.rows());
            }
        }
        assertThat(second.rowsOf("raw.quarantine")).isEqualTo(quarantined);
        // An empty delivery (a department with nothing new) adds nothing whether or not it is recognised.
        assertThat(second.ingestions()).allSatisfy(ingestion -> assertThat(ingestion.alreadyIngested() || ingestion.rowsRead() == 0)
                .as("%s re-read", ingestion.sourceFile()).isTrue());
        assertThat(second.ingestions()).filteredOn(ingestion -> ingestion.rowsRead() > 0).isEmpty();
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("raw.residents").contains("succeeded"));
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("raw.residents").contains("skipped"));
        List<Row> engines = lake.spark().sql("SELECT table_name, collect_set(split(engine, ' ')[0]) FROM "
                + lake.table("ops.privacy_reports") + " WHERE table_name LIKE 'deid.%' AND verified GROUP BY table_name").collectAsList();
        assertThat(engines).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(row -> assertThat(row.<String>getList(1)).containsExactlyInAnyOrder("memory", "spark"));
    }

    /**
     * A steward's delivery cycle through the command line, in-process on a tiny lake: a re-delivered roster with
     * grades of 42 in 10 of its rows is blocked as a whole (its new student included), {@code ./lake run} says
     * so and exits non-zero, curated keeps its rows, an unknown batch gets the list of recent ones, and a corrected
     * roster that supersedes the blocked one is promoted by the next run.
     */
    @Test
    void aBlockedDeliveryStaysOutOfCuratedUntilACorrectedOneSupersedesIt(TemporaryLake lake) throws IOException {
        StewardCommands steward = new StewardCommands(lake);
        Finished first = steward.lake("run");
        assertThat(first.exitCode()).as(first.standardOutput() + first.standardError()).isZero();
        long students = lake.count("curated.students");
        List<String> roster = Files.readAllLines(lake.settings().sourcesDirectory().resolve("sample/education/students.csv"));
        List<String> late = new ArrayList<>(roster);
        for (int line = 1; line <= 10; line++) {
            String[] cells = late.get(line).split(",");
            cells[2] = "42";
            late.set(line, String.join(",", cells));
        }
        String newStudent = "S90000000," + roster.get(1).split(",")[1] + ",3,1組,1,4";
        late.add(newStudent);
        List<String> corrected = new ArrayList<>(roster);
        corrected.add(newStudent);

        assertThat(steward.deliver("students_2025-04.csv", late).exitCode()).isZero();
        Finished blocked = steward.lake("run");

        String blockedBatch = steward.batchOf("students_2025-04.csv");
        assertThat(blocked.exitCode()).isEqualTo(RunCommand.BLOCKED);
        assertThat(blocked.errorLines()).singleElement().asString().contains("students").contains(blockedBatch)
                .contains("students_2025-04.csv").contains("10 of " + roster.size() + " rows").contains("./lake quality waive");
        // Its new student is in raw, but the batch is blocked as a whole.
        assertThat(lake.spark().table(lake.table("raw.students")).where("student_id = 'S90000000'").count()).isEqualTo(1);
        assertThat(lake.count("curated.students")).isEqualTo(students);
        assertThat(lake.spark().table(lake.table("curated.students")).where("_batch_id = '" + blockedBatch + "'").count()).isZero();
        Finished unknown = steward.lake("quality", "waive", "students-0000000000000000", "--reason", "typo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errorLines()).singleElement().asString().contains(blockedBatch);

        assertThat(steward.deliver("students_2025-04_corrected.csv", corrected, "--supersedes", blockedBatch).exitCode()).isZero();
        Finished fixed = steward.lake("run");

        assertThat(fixed.exitCode()).as(fixed.standardError()).isZero();
        assertThat(lake.count("curated.students")).isEqualTo(students + 1);
        Row superseded = lake.spark().sql("SELECT status, superseded_by, decided_by FROM " + lake.table("ops.batches")
                + " WHERE batch_id = '" + blockedBatch + "' ORDER BY sequence DESC LIMIT 1").first();
        assertThat(superseded.<String>getAs("status")).isEqualTo("superseded");
        assertThat(superseded.<String>getAs("superseded_by")).isEqualTo(steward.batchOf("students_2025-04_corrected.csv"));
        assertThat(superseded.<String>getAs("decided_by")).isEqualTo(System.getProperty("user.name"));
        String page = Files.readString(lake.settings().siteDirectory().resolve("quality.html"));
        assertThat(page).contains("students_2025-04_corrected.csv").contains("合格・昇格済み");
    }

    /** The lake's commands run in-process as a steward types them, on the test's lake, at tiny sample scale. */
    private record StewardCommands(TemporaryLake lake) {
        Finished lake(String... arguments) {
            Map<String, String> environment = new HashMap<>();
            environment.put("LAKE_HOME", LakeExtension.repositoryRoot().toString());
            environment.put("LAKE_ENV", "local");
            environment.put("LAKE_WAREHOUSE", lake.settings().warehouse().toString());
            environment.put("LAKE_CATALOG_NAME", lake.settings().catalogName());
            environment.put("LAKE_SITE", lake.settings().siteDirectory().toString());
            environment.put("LAKE_SOURCES", lake.settings().sourcesDirectory().toString());
            environment.put("LAKE_SAMPLE_SCALE", "tiny");
            environment.put("LAKE_PSEUDONYM_KEY", KEY_TEXT);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine command = Lake.commandLine(environment);
            command.setOut(new PrintWriter(out, true));
            command.setErr(new PrintWriter(err, true));
            int exitCode = command.execute(arguments);
            return new Finished(exitCode, out.toString(), err.toString());
        }

        Finished deliver(String name, List<String> lines, String... options) throws IOException {
            Path file = lake.directory().resolve(name);
            Files.write(file, lines, StandardCharsets.UTF_8);
            List<String> arguments = new ArrayList<>(List.of("ingest", "students", file.toString()));
            arguments.addAll(List.of(options));
            return lake(arguments.toArray(String[]::new));
        }

        String batchOf(String file) {
            return lake.spark().sql("SELECT DISTINCT batch_id FROM " + lake.table("ops.batches") + " WHERE source_file = '" + file + "'")
                    .first().getString(0);
        }
    }

    private record Finished(int exitCode, String standardOutput, String standardError) {
        List<String> errorLines() {
            return standardError.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    @Test
    void takesTheInboxsDeliveriesAfterTheSamplesAndMovesEachAsideOnceOnly(TemporaryLake lake) throws IOException {
        LakeSettings settings = lake.settings().withOption("lake.sample.scale", "tiny");
        Path inbox = Path.of(settings.option("lake.inbox").orElseThrow()).resolve("residents");
        Files.createDirectories(inbox);
        // The registry's next monthly extract, as the department sends it: every resident again, and one who moved in.
        Path march = new SampleSources(20250331, Scale.TINY, LocalDate.of(2025, 3, 31)).writeTo(lake.directory().resolve("march")).stream()
                .filter(file -> file.dataset().equals("residents")).findFirst().orElseThrow().path();
        List<String> april = new ArrayList<>(Files.readAllLines(march, StandardCharsets.UTF_8));
        april.add("R900000001,転入 花子,テンニュウ ハナコ,2,1990-05-01,27128,中央新町3丁目,H90000001,世帯主,日本,2025-04-10,東京都,");
        Files.write(inbox.resolve("residents_2025-04-30.csv"), april, StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("residents_garbled.csv"), "氏名,生年月日\n大阪 太郎,1990-01-01\n", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("residents_2025-05-31.csv.part"), "still being copied", StandardCharsets.UTF_8);
        TaskChoice monthly = new TaskChoice(List.of(), Optional.empty(), Optional.of(DeliverySchedule.MONTHLY));

        RunSummary first = new LakeRun(lake.spark(), settings, KEY, line -> { }, Clock.systemUTC()).run(monthly, Optional.empty(), Duration.ZERO);
        RunSummary second = new LakeRun(lake.spark(), settings, KEY, line -> { }, Clock.systemUTC()).run(monthly, Optional.empty(), Duration.ZERO);

        int sampled = Scale.TINY.residents();
        assertThat(first.ingestions()).extracting(IngestionResult::sourceFile)
                .containsExactly("residents_2025-03-31.csv", "residents_2025-04-30.csv");
        assertThat(lake.count("raw.residents")).isEqualTo(2L * sampled + 1);
        // The delivered resident (the sample has movers from Tokyo too, none after its as-of date).
        assertThat(lake.spark().table(lake.table("curated.residents")).where(col("moved_in_from").equalTo("東京都")
                .and(col("moved_in_on").equalTo(java.sql.Date.valueOf("2025-04-10")))).count()).isEqualTo(1);
        assertThat(names(inbox)).containsExactly("processed", "rejected", "residents_2025-05-31.csv.part");
        assertThat(names(inbox.resolve("processed"))).singleElement().asString().endsWith("_residents_2025-04-30.csv");
        assertThat(names(inbox.resolve("rejected"))).hasSize(2).anySatisfy(name -> assertThat(name).endsWith("_residents_garbled.csv"))
                .anySatisfy(name -> assertThat(name).endsWith("_residents_garbled.csv.reason.txt"));
        String reason = names(inbox.resolve("rejected")).stream().filter(name -> name.endsWith(".reason.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(inbox.resolve("rejected").resolve(reason))).contains("residents_garbled.csv");
        assertThat(first.report().problems()).hasValueSatisfying(line -> assertThat(line).contains("ingest.residents rejected")
                .contains("residents_garbled.csv"));
        // Nothing is taken twice: the second run finds the inbox empty and the sample already ingested.
        assertThat(lake.count("raw.residents")).isEqualTo(2L * sampled + 1);
        assertThat(second.ingestions()).singleElement().satisfies(ingestion -> assertThat(ingestion.alreadyIngested()).isTrue());
        assertThat(second.report().problems()).isEmpty();
        assertThat(names(inbox.resolve("processed"))).hasSize(1);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void recordsEveryStageOfEveryRunInTheRunLogAndEveryTaskTouchesOnlyTheTablesItsDefinitionNames(TemporaryLake lake) {
        TableAccessObserver observer = new TableAccessObserver(lake.spark(), lake.settings().catalogName());
        lake.spark().listenerManager().register(observer);
        RunSummary first;
        try {
            first = new LakeRun(lake.spark(), lake.settings(), KEY, line -> { }, Clock.systemUTC())
                    .run(TaskChoice.everything(), Optional.empty(), Duration.ZERO, observer);
        } finally {
            lake.spark().listenerManager().unregister(observer);
        }
        RunSummary second = new LakeRun(lake.spark(), lake.settings(), KEY, line -> { }, Clock.systemUTC()).run();

        List<Row> runs = lake.spark().table(lake.table("ops.runs")).collectAsList();
        assertThat(runs).extracting(row -> row.<String>getAs("run_id")).containsOnly(first.runId(), second.runId());
        assertThat(runs).filteredOn(row -> first.runId().equals(row.getAs("run_id")))
                .extracting(row -> row.<String>getAs("stage"))
                .contains("setup", "sources", "raw", "quality", "curated", "deid", "mart", "dashboard", "maintain");
        assertThat(runs).allSatisfy(row -> {
            assertThat(row.<String>getAs("outcome")).isIn("succeeded", "skipped");
            assertThat(row.<java.time.Instant>getAs("ended_at")).isAfterOrEqualTo(row.<java.time.Instant>getAs("started_at"));
        });
        Row residentsIngest = runs.stream()
                .filter(row -> first.runId().equals(row.getAs("run_id")) && "raw.residents".equals(row.getAs("table_name")))
                .findFirst().orElseThrow();
        assertThat(residentsIngest.<Long>getAs("rows_in")).isEqualTo(residentsIngest.<Long>getAs("rows_out")).isPositive();

        // The graph's edges come from the declared reads and writes: they must be what the code really reads and writes.
        PipelineDefinition definition = LakeRun.definition(lake.settings());
        assertThat(observer.touched().keySet()).containsExactlyInAnyOrderElementsOf(definition.tasks().stream().map(PipelineTask::id).toList());
        Set<String> lakeTables = DatasetCatalog.load().tables().stream().map(table -> table.name().toString()).collect(Collectors.toSet());
        for (PipelineTask task : definition.tasks()) {
            Set<String> declared = Stream.concat(task.reads().stream(), task.writes().stream())
                    .map(slice -> slice.table().toString()).collect(Collectors.toSet());
            declared.add("ops.runs");
            if (task.id().equals(LakePipeline.MAINTAIN)) {
                // Maintenance reads the metadata of every table the run committed to, the run lock's included; no row.
                declared.addAll(lakeTables);
            }
            assertThat(observer.touched().get(task.id())).as("tables %s touched", task.id()).isSubsetOf(declared);
        }
        assertThat(observer.touched().get("promote.students")).contains("raw.students", "ops.batches", "curated.students");
    }

    @Test
    void noDirectIdentifierLeavesTheRawZone(TemporaryLake lake) {
        List<String> progress = new ArrayList<>();
        new LakeRun(lake.spark(), lake.settings(), KEY, progress::add, Clock.systemUTC()).run();

        // No name, id or address of raw anywhere else: deid, mart and ops tables, the static site, the run's output.
        assertThat(new LeakScan(lake, DatasetCatalog.load()).findings(lake.settings().siteDirectory(), progress)).isEmpty();

        DatasetCatalog datasets = DatasetCatalog.load();
        for (ZoneTable table : datasets.tables()) {
            if (table.name().zone().holdsDirectIdentifiers()) {
                continue;
            }
            List<String> columns = List.of(lake.spark().table(table.name().in(lake.settings().catalogName())).columns());
            if (table.name().zone() == Zone.DEID && !isPseudonymised(lake, table)) {
                // Pseudonyms link a person's rows across tables; an anonymised release must not carry them (a
                // pseudonymised one, for the city's own analysts, is allowed to: that is what the tier means).
                assertThat(columns).as("columns of %s", table.name()).noneSatisfy(column -> assertThat(column).endsWith("_pseudonym"));
            }
            for (org.ebpmlake.schemas.ColumnDeclaration column : table.dataset().columnsOfClass(PrivacyClass.DIRECT_IDENTIFIER)) {
                assertThat(columns).as("columns of %s", table.name()).doesNotContain(column.name());
            }
        }
        String firstName = lake.spark().table(lake.table("raw.residents")).first().getAs("name_kanji");
        for (String zone : List.of("curated", "deid", "mart", "ops")) {
            for (Row table : lake.spark().sql("SHOW TABLES IN " + lake.settings().catalogName() + "." + zone).collectAsList()) {
                String name = lake.table(zone + "." + table.getString(1));
                assertThat(lake.spark().table(name).toJSON().collectAsList()).as(name)
                        .noneSatisfy(json -> assertThat(json).contains(firstName));
            }
        }
        assertThat(Arrays.stream(Zone.values()).filter(Zone::holdsDirectIdentifiers)).containsExactly(Zone.RAW);
    }

    @Test
    void derivesTheMyNumberCardRateFromTheRegistryAndShowsEveryKpiOnTheDashboard(TemporaryLake lake) throws IOException {
        RunSummary summary = new LakeRun(lake.spark(), lake.settings(), KEY, line -> { }, Clock.systemUTC()).run();

        LocalDate asOf = LocalDate.parse(lake.settings().option("lake.as-of-date").orElseThrow());
        List<Row> raw = lake.spark().table(lake.table("raw.residents")).select("my_number_card_issued_on").collectAsList();
        long holders = raw.stream().filter(row -> row.get(0) != null && !row.<LocalDate>getAs(0).isAfter(asOf)).count();
        double expectedRate = 100.0 * holders / raw.size();
        Row derived = lake.spark().table(lake.table("mart.kpi_actuals")).where(col("kpi_id").equalTo("K01-05-1")).first();
        assertThat(derived.<Double>getAs("actual_value")).isCloseTo(expectedRate, within(1e-9));
        assertThat(derived.<String>getAs("source")).isEqualTo("derived:residents");

        String page = Files.readString(summary.dashboardPage().orElseThrow());
        assertThat(summary.dashboardPage()).contains(lake.settings().siteDirectory().resolve("index.html"));
        String privacy = Files.readString(lake.settings().siteDirectory().resolve("privacy.html"));
        for (String table : List.of("deid.residents", "deid.students", "deid.test_scores", "mart.footfall_hourly")) {
            assertThat(privacy).as("privacy page shows %s", table).contains(">" + table + "<");
        }
        assertThat(lake.settings().siteDirectory().resolve("quality.html")).exists();
        for (KpiDefinition kpi : KpiCatalogFile.load()) {
            assertThat(page).as("dashboard lists %s", kpi.kpiId()).contains(">" + kpi.kpiId() + "<");
        }
        assertThat(page).contains("<html lang=\"ja\">").contains("オンライン化する手続き数").contains("700手続き")
                .contains("2,000手続き").contains(String.format("%,.1f%%", expectedRate));
        Row progress = lake.spark().table(lake.table("mart.kpi_progress")).where(col("kpi_id").equalTo("K01-01-1")).first();
        assertThat(progress.<String>getAs("status")).isIn("achieved", "on_track", "at_risk", "off_track");
        assertThat(page).contains("status " + progress.<String>getAs("status"));
    }

    private static boolean isPseudonymised(TemporaryLake lake, ZoneTable table) {
        List<Row> tier = lake.spark().sql("SHOW TBLPROPERTIES " + table.name().in(lake.settings().catalogName()) + " ('"
                + PrivacyTier.TABLE_PROPERTY + "')").collectAsList();
        return tier.stream().anyMatch(row -> PrivacyTier.PSEUDONYMISED.code().equals(row.getString(1)));
    }
}
