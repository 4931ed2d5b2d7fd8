package org.ebpmlake.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.pipelines.raw.IngestionResult;
import org.ebpmlake.pipelines.raw.RawIngestion;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.pipelines.sources.SourceFile;
import org.ebpmlake.schemas.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lake bench ingest}: generates every source at a scale (once; the files are kept and reused) and
 * ingests each file into a fresh lake of its own under {@code var/bench/}, printing per file the rows,
 * wall time, rows per second and the JVM's peak heap while it ran; then a day of registry changes and a
 * corrected re-delivery of the GPS day under its own name (the path that replaces a predecessor's rows), and
 * the figures the targets are about: the daily increment (GPS day, learning-log day, registry changes) and the
 * full registry. Spark runs in this JVM (local mode),
 * so the heap peak covers the driver and the executors.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"取込のベンチマーク：指定規模のサンプルを生成し、ソースごとに件数・所要時間・件数/秒・最大ヒープを表示します。",
            "Benchmark ingestion: generate the sources at a scale and print, per source file, rows, wall time, rows/s and peak heap."})
final class IngestBenchmark implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--scale", defaultValue = "city", description = "tiny, small or city (default: ${DEFAULT-VALUE})")
    private String scale;

    @Option(names = "--seed", defaultValue = "20250331", description = "generator seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--dataset", paramLabel = "DATASET",
            description = "計測するデータセットだけ（繰り返し可） / measure only these datasets (repeatable); default: all")
    private List<String> only = List.of();

    /** A day of registry changes in a city of 2.75 million: moves in and within the city, about the daily volume. */
    private static final int REGISTRY_CHANGES = 5_000;
    private static final LocalDate AS_OF = LocalDate.parse("2025-03-31");

    @Override
    public Integer call() {
        Scale chosen = Scale.valueOf(scale.trim().toUpperCase(Locale.ROOT));
        LakeSettings base = ((Lake) spec.root().userObject()).settings();
        Path benchDirectory = base.warehouse().getParent().resolve("bench");
        Path sources = benchDirectory.resolve("sources-" + chosen.name().toLowerCase(Locale.ROOT) + "-" + seed);
        SampleSources samples = new SampleSources(seed, chosen, AS_OF);
        List<SourceFile> files = new ArrayList<>(generate(samples, sources));
        SourceFile registry = last(files, "residents");
        SourceFile learningDay = last(files, "learning_logs");
        SourceFile registryChanges = samples.writeRegistryChangesTo(sources.resolve("changes"), REGISTRY_CHANGES);
        files.add(registryChanges);
        SourceFile gpsDay = last(files, "gps_pings");
        SourceFile correctedGpsDay = corrected(gpsDay, sources.resolve("corrected"));
        files.add(correctedGpsDay);
        if (!only.isEmpty()) {
            files.removeIf(file -> !only.contains(file.dataset()));
        }

        Path lakeDirectory = benchDirectory.resolve("lake-" + System.currentTimeMillis());
        LakeSettings settings = base.withLocations("bench", lakeDirectory.resolve("warehouse"), lakeDirectory.resolve("site"), sources);
        SparkSession spark = LakeSession.open(settings);
        try {
            DatasetCatalog datasets = DatasetCatalog.load();
            new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(datasets);
            RawIngestion ingestion = new RawIngestion(spark, settings, datasets, Clock.systemUTC());
            System.out.printf("%-22s %-40s %12s %9s %10s %10s%n", "dataset", "file", "rows", "wall s", "rows/s", "peak heap");
            long totalRows = 0;
            long totalMillis = 0;
            Map<SourceFile, Long> millisOf = new HashMap<>();
            for (SourceFile file : files) {
                resetPeaks();
                long started = System.nanoTime();
                IngestionResult result = ingestion.ingest(file.dataset(), file.path(), AS_OF);
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                millisOf.put(file, millis);
                totalRows += result.rowsRead();
                totalMillis += millis;
                String name = file.path().getFileName().toString() + (file == correctedGpsDay ? " (corrected)" : "");
                System.out.printf("%-22s %-40s %,12d %9.1f %,10.0f %8d MB%n", file.dataset(), name,
                        result.rowsRead(), millis / 1000.0, result.rowsRead() * 1000.0 / Math.max(1, millis), peakHeapMegabytes());
            }
            System.out.printf("%-22s %-40s %,12d %9.1f %,10.0f%n", "total", files.size() + " files", totalRows,
                    totalMillis / 1000.0, totalRows * 1000.0 / Math.max(1, totalMillis));
            System.out.println();
            long daily = 0;
            boolean wholeDay = true;
            for (SourceFile part : List.of(gpsDay, learningDay, registryChanges)) {
                wholeDay &= millisOf.containsKey(part);
                daily += millisOf.getOrDefault(part, 0L);
            }
            if (wholeDay) {
                System.out.printf("daily increment (GPS day + learning-log day + registry changes): %.1f s (target: under 60 s)%n", daily / 1000.0);
            }
            if (millisOf.containsKey(registry)) {
                System.out.printf("full registry (%s): %.1f s (target: under 20 s)%n", registry.path().getFileName(),
                        millisOf.get(registry) / 1000.0);
            }
            if (millisOf.containsKey(correctedGpsDay)) {
                System.out.printf("corrected re-delivery of a GPS day under the same name (replaces its predecessor): %.1f s%n",
                        millisOf.get(correctedGpsDay) / 1000.0);
            }
            System.out.println("lake: " + lakeDirectory + " (delete it when done)");
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static SourceFile last(List<SourceFile> files, String dataset) {
        return files.stream().filter(file -> file.dataset().equals(dataset)).reduce((first, second) -> second).orElseThrow();
    }

    /** The GPS day delivered again under its own name with one ping added, as a carrier corrects a feed. */
    private static SourceFile corrected(SourceFile day, Path folder) {
        Path copy = folder.resolve(day.path().getFileName());
        try {
            if (!Files.exists(copy) || Files.size(copy) <= Files.size(day.path())) {
                Files.createDirectories(folder);
                Files.copy(day.path(), copy, StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(copy, "0123456789abcdef0123456789abcdef,2025-03-31T12:00:00+09:00,34.680000,135.500000,10\n",
                        StandardOpenOption.APPEND);
            }
            return new SourceFile(day.dataset(), copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corrected GPS day into " + folder, e);
        }
    }

    private static List<SourceFile> generate(SampleSources samples, Path sources) {
        Path done = sources.resolve("files.txt");
        try {
            if (Files.exists(done)) {
                System.out.println("sources: reusing " + sources);
                return Files.readAllLines(done).stream().map(line -> line.split("\t", 2))
                        .map(parts -> new SourceFile(parts[0], Path.of(parts[1]))).toList();
            }
            long started = System.nanoTime();
            List<SourceFile> files = samples.writeTo(sources);
            System.out.printf("sources: generated %d files in %.1f s into %s%n", files.size(),
                    (System.nanoTime() - started) / 1e9, sources);
            Files.write(done, files.stream().map(file -> file.dataset() + "\t" + file.path()).toList());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the benchmark's sources in " + sources, e);
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() >> 20;
    }
}
