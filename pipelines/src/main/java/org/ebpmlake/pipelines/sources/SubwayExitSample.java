package org.ebpmlake.pipelines.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Hourly beacon counts at the exits of the Midosuji line's stations from Umeda to Namba, as the transport
 * operator delivers them: Parquet, one file per day. After the street change the southern stations see
 * more people come up to the street.
 */
final class SubwayExitSample {
    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message subway_exit_counts {"
            + " required binary station_code (STRING); required binary exit_name (STRING);"
            + " required int64 counted_at (TIMESTAMP(MICROS,true)); required int64 devices; }");
    private static final List<String> STATIONS = List.of("M16", "M17", "M18", "M19", "M20");
    private static final ZoneOffset JST = ZoneOffset.ofHours(9);

    private final SplittableRandom random;
    private final double devicesPerHour;
    private final LocalDate day;

    SubwayExitSample(long seed, Scale scale, LocalDate day) {
        this.random = new SplittableRandom(seed);
        this.devicesPerHour = scale.gpsDevices() / 40.0;
        this.day = day;
    }

    SourceFile write(Path directory) {
        Path file = directory.resolve("subway").resolve("exit_counts_" + day + ".parquet");
        boolean afterChange = !day.isBefore(PlantedEffects.STREET_CHANGE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                    .withConf(new Configuration())
                    .withType(SCHEMA)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    // parquet-mr lists each column chunk's encodings from a HashSet of enums, whose order follows identity
                    // hash codes and so changes from one JVM to the next: with two encodings in a chunk (format 1's level
                    // encoding beside the values', or a dictionary's beside its indices) the footer, and the file's hash,
                    // differ between runs. Format 2 without dictionaries gives every chunk one encoding: the same bytes
                    // in every JVM, as the samples promise.
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                    .withDictionaryEncoding(false)
                    .build()) {
                for (String station : STATIONS) {
                    boolean south = "M19".equals(station) || "M20".equals(station);
                    double uplift = afterChange && south ? 1.15 : 1.0;
                    for (int exit = 1; exit <= 6; exit++) {
                        for (int hour = 5; hour <= 23; hour++) {
                            double rush = hour == 8 || hour == 18 ? 2.5 : 1.0;
                            long devices = Math.max(0, Math.round(devicesPerHour * rush * uplift * (0.6 + random.nextDouble() * 0.8)));
                            long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
                                    day.atTime(hour, 0).atOffset(JST).toInstant());
                            writer.write(groups.newGroup().append("station_code", station).append("exit_name", exit + "号出入口")
                                    .append("counted_at", micros).append("devices", devices));
                        }
                    }
                }
            }
            // Hadoop's local file system leaves a checksum file beside the data; a steward's folder holds only the delivery.
            Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
            return new SourceFile("subway_exit_counts", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample source " + file, e);
        }
    }
}
