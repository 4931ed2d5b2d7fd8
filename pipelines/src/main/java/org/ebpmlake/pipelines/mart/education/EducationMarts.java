package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.FiscalYears;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.pipelines.deid.PrivacyModelViolationException;
import org.ebpmlake.pipelines.ops.PrivacyReportTable;
import org.ebpmlake.pipelines.ops.StageOutput;
import org.ebpmlake.schemas.TableName;

/**
 * Builds the school board's marts ({@code mart.education_*}) from the curated education tables, safe to show: a
 * group of fewer than {@code lake.education.minimum-group} students (10 by default) is published as 秘匿, never as a
 * number, and complementary suppression ({@link CellSuppression}) hides enough other cells that none can be worked
 * out from margins, sibling slices or the other marts. {@link EducationMartVerifier} then checks all five marts
 * independently; its verdicts go to {@code ops.privacy_reports}, and if any mart fails, none is written.
 */
public final class EducationMarts {
    private final SparkSession spark;
    private final LakeSettings settings;
    private final LocalDate asOf;
    private final Clock clock;
    private final int minimumGroup;
    private final EducationMartVerifier verifier;

    public EducationMarts(SparkSession spark, LakeSettings settings, LocalDate asOf, Clock clock) {
        this(spark, settings, asOf, clock, minimumGroup(settings));
    }

    /** With the verifier checking another minimum group than the builder's: how tests make verification fail. */
    EducationMarts(SparkSession spark, LakeSettings settings, LocalDate asOf, Clock clock, int verifiedMinimumGroup) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.asOf = requireNonNull(asOf, "asOf is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.minimumGroup = minimumGroup(settings);
        this.verifier = new EducationMartVerifier(spark, settings.catalogName(), verifiedMinimumGroup, FiscalYears.of(asOf));
    }

    private static int minimumGroup(LakeSettings settings) {
        int minimumGroup = settings.intOption("lake.education.minimum-group", 10);
        if (minimumGroup < 2) {
            throw new IllegalArgumentException("lake.education.minimum-group must be at least 2, got " + minimumGroup);
        }
        return minimumGroup;
    }

    /** Builds, verifies and (if every mart passes) writes the five marts; reports each in ops.privacy_reports. */
    public StageOutput build(String runId) {
        requireNonNull(runId, "runId is null");
        List<String> timings = new ArrayList<>();
        long started = System.nanoTime();
        List<BuiltMart> marts;
        List<MartVerdict> verdicts;
        // Builder and verifier each read the same curated tables several times: held in memory once for both.
        List<String> cached = cacheCurated();
        try {
            marts = buildAll(timings);
            long verifying = System.nanoTime();
            verdicts = verifier.verify(marts);
            timings.add(String.format("verification %.1f s", (System.nanoTime() - verifying) / 1e9));
        } finally {
            cached.forEach(table -> spark.sql("UNCACHE TABLE IF EXISTS " + table));
        }
        boolean verified = verdicts.stream().allMatch(MartVerdict::verified);
        new PrivacyReportTable(spark, settings).appendAll(verdicts.stream().map(verdict -> report(runId, verdict)).toList());
        if (!verified) {
            List<String> problems = verdicts.stream().flatMap(verdict -> verdict.problems().stream()).limit(5).toList();
            throw new PrivacyModelViolationException("the education marts failed their independent check; none was published: "
                    + String.join("; ", problems));
        }
        long cells = 0;
        long primary = 0;
        long complementary = 0;
        for (BuiltMart mart : marts) {
            String table = mart.table().in(settings.catalogName());
            TableWrites.replaceAll(spark.createDataFrame(mart.rows(), spark.table(table).schema()), table);
        }
        for (MartVerdict verdict : verdicts) {
            cells += verdict.cells();
            primary += verdict.primary();
            complementary += verdict.complementary();
        }
        timings.add(String.format("total %.1f s", (System.nanoTime() - started) / 1e9));
        return StageOutput.succeeded(cells, cells - primary - complementary, marts.size() + " marts verified: " + cells + " cells, "
                + primary + " suppressed as small (primary), " + complementary + " to protect them (complementary); "
                + String.join(", ", timings));
    }

    /** The marts as they would be published, hidden cells blank; nothing is written. */
    List<BuiltMart> buildAll() {
        return buildAll(new ArrayList<>());
    }

    private List<BuiltMart> buildAll(List<String> timings) {
        EducationSql sql = new EducationSql(spark, settings.catalogName());
        CellSuppression suppression = new CellSuppression();
        AreaNames names = new AreaNames(AreaNames.schoolNames(sql.collect("SELECT school_code, school_name FROM ${curated}.schools")));
        long started = System.nanoTime();
        Enrollment enrollment = Enrollment.count(sql, suppression, minimumGroup);
        started = lap(timings, "enrolment", started);
        List<BuiltMart> marts = new ArrayList<>();
        marts.add(new ScoresMart(sql, names, suppression, minimumGroup).build(FiscalYears.of(asOf)));
        started = lap(timings, "scores", started);
        marts.add(new DeviceUseMart(sql, names).build(enrollment));
        started = lap(timings, "device use", started);
        marts.add(new MoodMart(sql, names, suppression, minimumGroup).build(enrollment));
        started = lap(timings, "mood", started);
        marts.add(new AttendanceMart(sql, names, suppression, minimumGroup).build(enrollment));
        started = lap(timings, "attendance", started);
        marts.add(new NurseVisitsMart(sql, suppression, minimumGroup).build());
        lap(timings, "nurse visits", started);
        return marts.stream().map(mart -> mart.withSchema(spark.table(mart.table().in(settings.catalogName())).schema()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private List<String> cacheCurated() {
        List<String> cached = new ArrayList<>();
        for (String table : List.of("schools", "students", "test_scores", "learning_logs", "mood_checkins", "attendance", "nurse_visits")) {
            String name = settings.catalogName() + ".curated." + table;
            spark.sql("CACHE LAZY TABLE " + name);
            cached.add(name);
        }
        return cached;
    }

    private static long lap(List<String> timings, String step, long started) {
        long now = System.nanoTime();
        timings.add(String.format("%s %.1f s", step, (now - started) / 1e9));
        return now;
    }

    private PrivacyReportTable.Report report(String runId, MartVerdict verdict) {
        String parameters = "{\"minimum_group\":" + minimumGroup + ",\"minimum_range_width\":" + minimumGroup + "}";
        String transformation = "cells counted from curated data; " + verdict.primary() + " cells under " + minimumGroup
                + " suppressed (primary), " + verdict.complementary() + " suppressed to protect them (complementary); narrowest range of a"
                + " hidden cell: " + range(verdict.narrowestRange()) + problemsText(verdict);
        return PrivacyReportTable.Report.ofAggregate(runId, verdict.table().toString(),
                "minimum group + complementary suppression", parameters, dimensions(verdict.table()), transformation, verdict.cells(),
                verdict.published(), verdict.smallestPublished(), verdict.verified(), clock.instant());
    }

    private static String range(double width) {
        if (Double.isInfinite(width)) {
            return "unbounded";
        }
        return String.format("%.0f", width);
    }

    private static String problemsText(MartVerdict verdict) {
        if (verdict.verified()) {
            return "";
        }
        return "; FAILED: " + String.join("; ", verdict.problems().stream().limit(3).toList());
    }

    private static String dimensions(TableName table) {
        Map<TableName, String> dimensions = Map.of(
                EducationTables.SCORES, "fiscal_year,subject,grade,area",
                EducationTables.DEVICE_USE, "month,grade,area",
                EducationTables.MOOD, "month,grade,area",
                EducationTables.ATTENDANCE, "month,grade,area",
                EducationTables.NURSE_VISITS, "month,complaint");
        return dimensions.getOrDefault(table, "");
    }
}
