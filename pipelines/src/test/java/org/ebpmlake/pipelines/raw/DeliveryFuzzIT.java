package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.pipelines.sources.SampleSources;
import org.ebpmlake.pipelines.sources.Scale;
import org.ebpmlake.pipelines.sources.SourceFile;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Damaged deliveries of every format the lake reads (CSV in UTF-8 and CP932, JSON lines, xlsx, Parquet): random
 * bytes, files cut short, a huge field, deeply nested JSON, the wrong encoding, a byte flipped, a quote or separator
 * inserted. Each one ends either in a one-line error a person can act on (a {@link LakeException} naming the file,
 * with the raw table untouched) or in a batch where every row read is accepted or quarantined; never in another
 * exception, which the launcher would show as a fault, and never in a partial batch.
 */
@ExtendWith(LakeExtension.class)
class DeliveryFuzzIT {
    private static final int MUTATIONS_PER_FORMAT = Integer.getInteger("lake.fuzz.mutations", 16);

    @Test
    void everyDamagedDeliveryEndsInOneLineOrAnAccountedBatch(TemporaryLake lake) throws IOException {
        lake.withTables();
        DatasetCatalog datasets = DatasetCatalog.load();
        RawIngestion ingestion = new RawIngestion(lake.spark(), lake.settings(), datasets, Clock.systemUTC());
        Map<String, SourceFile> samples = onePerFormat(new SampleSources(20250331, Scale.TINY, LocalDate.of(2025, 3, 31))
                .writeTo(lake.directory().resolve("samples")));
        assertThat(samples.keySet()).contains("csv", "jsonl", "xlsx", "parquet");

        Random random = new Random(Long.getLong("lake.fuzz.seed", 20261128L));
        Path damaged = Files.createDirectories(lake.directory().resolve("damaged"));
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Map.Entry<String, SourceFile> sample : samples.entrySet()) {
            byte[] original = Files.readAllBytes(sample.getValue().path());
            String dataset = sample.getValue().dataset();
            String table = lake.table("raw." + dataset);
            for (int mutation = 0; mutation < MUTATIONS_PER_FORMAT; mutation++) {
                Damage damage = Damage.values()[mutation % Damage.values().length];
                String name = sample.getKey() + "-" + mutation + "-" + damage.name().toLowerCase() + "-"
                        + sample.getValue().path().getFileName();
                Path file = Files.write(damaged.resolve(name), damage.apply(original, random));
                long rowsBefore = lake.spark().table(table).count();
                String label = name + " (" + dataset + ")";
                try {
                    IngestionResult result = ingestion.ingest(dataset, file);
                    assertThat(result.rowsRead()).as(label).isEqualTo(result.rowsAccepted() + result.rowsQuarantined());
                    if (!result.alreadyIngested()) {
                        assertThat(lake.spark().table(table).count()).as(label).isEqualTo(rowsBefore + result.rowsAccepted());
                    }
                    outcomes.merge(sample.getKey() + " read (" + damage + ")", 1, Integer::sum);
                } catch (LakeException refused) {
                    assertThat(refused.category()).as(label + ": " + refused.getMessage()).isIn(ErrorCategory.INVALID_FILE,
                            ErrorCategory.INVALID_ARGUMENT);
                    assertThat(refused.getMessage()).as(label).contains(file.getFileName().toString()).doesNotContain("\n");
                    assertThat(lake.spark().table(table).count()).as(label + " left the table as it was").isEqualTo(rowsBefore);
                    outcomes.merge(sample.getKey() + " refused (" + damage + ")", 1, Integer::sum);
                }
            }
        }
        System.out.println("fuzz outcomes: " + outcomes);
    }

    /** The first sample of each format: extension, and for CSV the encoding too. */
    private static Map<String, SourceFile> onePerFormat(List<SourceFile> files) throws IOException {
        Map<String, SourceFile> chosen = new LinkedHashMap<>();
        for (SourceFile file : files) {
            String name = file.path().getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            if ("csv".equals(extension) && !isUtf8(Files.readAllBytes(file.path()))) {
                extension = "csv-cp932";
            }
            chosen.putIfAbsent(extension, file);
        }
        return chosen;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** One kind of damage a delivery suffers on its way, or an attacker writes on purpose. */
    private enum Damage {
        RANDOM_BYTES {
            @Override
            byte[] apply(byte[] original, Random random) {
                byte[] bytes = new byte[1 + random.nextInt(8192)];
                random.nextBytes(bytes);
                return bytes;
            }
        },
        TRUNCATED {
            @Override
            byte[] apply(byte[] original, Random random) {
                return Arrays.copyOf(original, random.nextInt(Math.max(1, original.length)));
            }
        },
        HUGE_FIELD {
            @Override
            byte[] apply(byte[] original, Random random) {
                return insert(original, afterFirstLine(original) + 1 + random.nextInt(8), "x".repeat(4 << 20).getBytes(StandardCharsets.UTF_8));
            }
        },
        DEEP_JSON {
            @Override
            byte[] apply(byte[] original, Random random) {
                String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "\n";
                return insert(original, afterFirstLine(original) + 1, deep.getBytes(StandardCharsets.UTF_8));
            }
        },
        WRONG_ENCODING {
            @Override
            byte[] apply(byte[] original, Random random) {
                return new String(original, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_16LE);
            }
        },
        BYTE_FLIPPED {
            @Override
            byte[] apply(byte[] original, Random random) {
                byte[] bytes = original.clone();
                for (int flip = 0; flip < 1 + random.nextInt(4); flip++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                return bytes;
            }
        },
        QUOTE_INSERTED {
            @Override
            byte[] apply(byte[] original, Random random) {
                return insert(original, random.nextInt(original.length), new byte[] {'"'});
            }
        },
        SEPARATOR_INSERTED {
            @Override
            byte[] apply(byte[] original, Random random) {
                return insert(original, random.nextInt(original.length), new byte[] {','});
            }
        };

        abstract byte[] apply(byte[] original, Random random);

        private static int afterFirstLine(byte[] bytes) {
            for (int at = 0; at < bytes.length; at++) {
                if (bytes[at] == '\n') {
                    return at;
                }
            }
            return bytes.length - 1;
        }

        private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
            int position = Math.max(0, Math.min(at, bytes.length));
            byte[] result = new byte[bytes.length + inserted.length];
            System.arraycopy(bytes, 0, result, 0, position);
            System.arraycopy(inserted, 0, result, position, inserted.length);
            System.arraycopy(bytes, position, result, position + inserted.length, bytes.length - position);
            return result;
        }
    }
}
