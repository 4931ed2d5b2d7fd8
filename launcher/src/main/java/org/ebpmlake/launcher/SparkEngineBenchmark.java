package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.anonymize.KAnonymity;
import org.ebpmlake.anonymize.search.GeneralizationPlan;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.deid.AnonymizationSpecification;
import org.ebpmlake.pipelines.deid.Release;
import org.ebpmlake.pipelines.deid.SparkAnonymization;
import org.ebpmlake.reference.CityWards;

/**
 * The Spark engine's half of {@code lake bench anonymize}: the synthetic registry is written to Parquet in
 * slices and let go, the heap's peak is reset, and the engine then counts, searches, applies, verifies and
 * writes, with the in-memory run's own hierarchies.
 */
final class SparkEngineBenchmark {
    private static final int SLICE = 250_000;

    private final LakeSettings settings;
    private final long seed;
    private final int residents;
    private final int k;
    private final double suppressionLimit;

    SparkEngineBenchmark(LakeSettings settings, long seed, int residents, int k, double suppressionLimit) {
        this.settings = requireNonNull(settings, "settings is null");
        this.seed = seed;
        this.residents = residents;
        this.k = k;
        this.suppressionLimit = suppressionLimit;
    }

    int run(CityWards wards) throws IOException {
        Path directory = Files.createTempDirectory("lake-bench-anonymize");
        SparkSession spark = LakeSession.open(settings);
        try {
            long started = System.nanoTime();
            Path input = directory.resolve("registry.parquet");
            writeRegistry(spark, input, wards);
            System.gc();
            long written = System.nanoTime();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

            Dataset<Row> source = spark.read().parquet(input.toString());
            List<QuasiIdentifier> quasiIdentifiers = BenchAnonymizeCommand.quasiIdentifiers(wards);
            AnonymizationSpecification specification = new AnonymizationSpecification(
                    quasiIdentifiers.stream().map(QuasiIdentifier::column).toList(), valuesOf -> quasiIdentifiers,
                    List.of(new KAnonymity(k)), suppressionLimit);
            Release release = new SparkAnonymization(spark, specification).release(source).orElseThrow(() -> new IllegalStateException(
                            "no transformation meets k=" + k + " within the suppression limit"));
            long searched = System.nanoTime();
            release.published().write().mode(SaveMode.Overwrite).parquet(directory.resolve("released.parquet").toString());
            long released = System.nanoTime();
            long rowsOut = spark.read().parquet(directory.resolve("released.parquet").toString()).count();

            GeneralizationPlan plan = release.plan();
            System.out.printf("engine                   spark (%s)%n", spark.conf().get("spark.master"));
            System.out.printf("records                  %,d (seed %d); released %,d%n", plan.records(), seed, rowsOut);
            System.out.printf("model                    k=%d, suppression limit %.2f%n", k, suppressionLimit);
            System.out.printf("transformation           %s%n", plan.transformation());
            System.out.printf("suppressed               %,d; classes %,d; smallest %,d; loss %.4f%n",
                    plan.suppressedRecords(), plan.keptClasses(), plan.smallestClass(), plan.informationLoss());
            System.out.printf("nodes checked            %d of %d (optimal %s)%n", plan.statistics().nodesChecked(),
                    plan.statistics().latticeSize(), plan.statistics().optimal());
            System.out.printf("generation to Parquet    %s%n", BenchAnonymizeCommand.seconds(Duration.ofNanos(written - started)));
            System.out.printf("encoding of the counts   %s%n", BenchAnonymizeCommand.seconds(plan.statistics().encoding()));
            System.out.printf("search                   %s%n", BenchAnonymizeCommand.seconds(plan.statistics().search()));
            System.out.printf("count, search, apply and independent verification %s (%s)%n",
                    BenchAnonymizeCommand.seconds(Duration.ofNanos(searched - written)),
                    release.verdict().satisfied() ? "passed" : "FAILED " + release.verdict().violations());
            System.out.printf("write released rows      %s%n", BenchAnonymizeCommand.seconds(Duration.ofNanos(released - searched)));
            System.out.printf("wall time (JVM start on) %s%n",
                    BenchAnonymizeCommand.seconds(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())));
            System.out.printf("peak heap after writing  %,d MB (driver and local executors share it)%n",
                    BenchAnonymizeCommand.peakHeapBytes() / (1024 * 1024));
            return release.verdict().satisfied() ? 0 : AnonymizeFileCommand.VERIFICATION_FAILED;
        } finally {
            spark.stop();
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void writeRegistry(SparkSession spark, Path input, CityWards wards) {
        Table registry = new SyntheticRegistry(seed, residents).generate(wards);
        List<StructField> fields = new ArrayList<>();
        for (String column : registry.columns()) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, false));
        }
        StructType schema = new StructType(fields.toArray(StructField[]::new));
        for (int from = 0; from < registry.rows().size(); from += SLICE) {
            List<Row> slice = registry.rows().subList(from, Math.min(from + SLICE, registry.rows().size())).stream()
                    .map(cells -> RowFactory.create((Object[]) cells)).toList();
            spark.createDataFrame(slice, schema).write().mode(SaveMode.Append).parquet(input.toString());
        }
    }
}
