package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSError;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real full disk: the lake, its catalog included, on a small tmpfs that a filler file fills to a few bytes, a few
 * kilobytes, ... before each delivery, so the disk runs out while data files, manifests, metadata or the catalog row
 * are being written. Whatever the moment, every table stays readable, at its previous snapshot or, if the commit
 * fitted, at the new one with exactly the new rows: never half a batch.
 */
@ExtendWith(LakeExtension.class)
class FullDiskDuringCommitIT {
    private static final long DISK_BYTES = 24L << 20;
    private static final long[] FREE_BYTES_LEFT = {0, 512, 4 << 10, 32 << 10, 128 << 10, 512 << 10, 2 << 20};
    private static final int PINGS_PER_DELIVERY = 20_000;

    @Test
    void aCommitThatRunsOutOfDiskLeavesEveryTableAtItsPreviousSnapshot(TemporaryLake lake) throws Exception {
        Path mountPoint = Files.createDirectories(lake.directory().resolve("small-disk"));
        mount(mountPoint);
        try {
            LakeSettings onSmallDisk = lake.settings().withLocations(lake.settings().catalogName() + "_small_disk",
                    mountPoint.resolve("lake"), lake.directory().resolve("site"), lake.directory().resolve("sources"));
            LakeSession.mount(lake.spark(), onSmallDisk);
            DatasetCatalog datasets = DatasetCatalog.load();
            new LakeTables(LakeSession.icebergCatalog(lake.spark(), onSmallDisk)).ensureAll(datasets);
            RawIngestion ingestion = new RawIngestion(lake.spark(), onSmallDisk, datasets, Clock.systemUTC());
            String table = onSmallDisk.catalogName() + ".raw.gps_pings";
            ingestion.ingest("gps_pings", delivery(lake, 0));

            int failures = 0;
            long expectedRows = lake.spark().table(table).count();
            for (int attempt = 0; attempt < FREE_BYTES_LEFT.length; attempt++) {
                Path delivery = delivery(lake, attempt + 1);
                long snapshotBefore = currentSnapshot(lake, table);
                Path filler = fill(mountPoint, FREE_BYTES_LEFT[attempt]);
                boolean committed;
                try {
                    ingestion.ingest("gps_pings", delivery);
                    committed = true;
                } catch (Exception | FSError diskFull) {
                    committed = false;
                    failures++;
                } finally {
                    Files.delete(filler);
                }
                if (committed) {
                    expectedRows += PINGS_PER_DELIVERY;
                } else {
                    assertThat(currentSnapshot(lake, table)).as("snapshot after a failed commit with %d bytes free",
                            FREE_BYTES_LEFT[attempt]).isEqualTo(snapshotBefore);
                }
                // Every row read back from its data files, not from metadata counts.
                assertThat(lake.spark().table(table).javaRDD().count()).as("rows with %d bytes free", FREE_BYTES_LEFT[attempt])
                        .isEqualTo(expectedRows);
                assertThat(lake.spark().table(onSmallDisk.catalogName() + ".raw.quarantine").javaRDD().count()).isZero();
            }

            assertThat(failures).as("deliveries the full disk stopped").isPositive();
            // With room again, the next delivery commits whole.
            assertThat(ingestion.ingest("gps_pings", delivery(lake, 20)).rowsAccepted()).isEqualTo(PINGS_PER_DELIVERY);
            assertThat(lake.spark().table(table).javaRDD().count()).isEqualTo(expectedRows + PINGS_PER_DELIVERY);
        } finally {
            unmount(mountPoint);
        }
    }

    /** A day of pings, different for every number, so no delivery is taken for an earlier one. */
    private static Path delivery(TemporaryLake lake, int number) throws IOException {
        Path file = lake.directory().resolve("deliveries").resolve("pings_2025-03-" + String.format("%02d", number + 1) + ".csv");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Random random = new Random(number);
        StringBuilder csv = new StringBuilder("device_hash,pinged_at,latitude,longitude,accuracy_m\n");
        LocalDate day = LocalDate.of(2025, 3, number + 1);
        for (int ping = 0; ping < PINGS_PER_DELIVERY; ping++) {
            csv.append(String.format("%032x", random.nextLong() & Long.MAX_VALUE)).append(',')
                    .append(day).append('T').append(String.format("%02d:%02d:%02d", 7 + ping % 14, ping % 60, (ping / 60) % 60))
                    .append("+09:00,").append(String.format("%.6f", 34.67 + random.nextDouble() * 0.03)).append(',')
                    .append(String.format("%.6f", 135.49 + random.nextDouble() * 0.01)).append(',').append(5 + random.nextInt(40))
                    .append('\n');
        }
        return Files.writeString(file, csv);
    }

    /** Fills the disk but for {@code free} bytes, with a file the caller deletes afterwards. */
    private static Path fill(Path mountPoint, long free) throws IOException {
        Path filler = mountPoint.resolve("filler");
        FileStore store = Files.getFileStore(mountPoint);
        long size = Math.max(0, store.getUsableSpace() - free);
        try (RandomAccessFile file = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[1 << 16];
            long written = 0;
            while (written < size) {
                int length = (int) Math.min(block.length, size - written);
                try {
                    file.write(block, 0, length);
                } catch (IOException full) {
                    break;
                }
                written += length;
            }
        }
        return filler;
    }

    private static long currentSnapshot(TemporaryLake lake, String table) {
        return lake.spark().sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC LIMIT 1").first().getLong(0);
    }

    private static void mount(Path mountPoint) throws IOException, InterruptedException {
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + DISK_BYTES + ",mode=0700", "tmpfs", mountPoint.toString()),
                "mounting a small tmpfs for the full-disk test needs root (CAP_SYS_ADMIN): run the tests as root");
    }

    private static void unmount(Path mountPoint) throws IOException, InterruptedException {
        // Lazily: the catalog's SQLite connection may still hold its file open; the disk goes once it is closed.
        run(List.of("umount", "-l", mountPoint.toString()), "cannot unmount " + mountPoint);
    }

    private static void run(List<String> command, String failure) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(failure + ": " + String.join(" ", command) + ": " + output);
        }
    }
}
