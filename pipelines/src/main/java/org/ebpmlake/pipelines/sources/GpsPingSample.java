package org.ebpmlake.pipelines.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One day of GPS pings around Midosuji (Umeda to Namba): passers-by with a few pings, visitors who dwell
 * for tens of minutes to hours, and commuters who arrive in the morning and leave in the evening.
 */
final class GpsPingSample {
    private static final double SOUTH = 34.665;
    private static final double NORTH = 34.705;
    private static final double WEST = 135.495;
    private static final double EAST = 135.505;
    private static final ZoneOffset JST = ZoneOffset.ofHours(9);

    private final SplittableRandom random;
    private final int devices;
    private final LocalDate day;

    GpsPingSample(long seed, int devices, LocalDate day) {
        this.random = new SplittableRandom(seed);
        this.devices = devices;
        this.day = day;
    }

    SourceFile write(Path directory) {
        List<List<String>> rows = new ArrayList<>();
        for (int device = 0; device < devices; device++) {
            byte[] hash = new byte[16];
            random.nextBytes(hash);
            String deviceHash = HexFormat.of().formatHex(hash);
            double kind = random.nextDouble();
            int arrivalMinute;
            int dwellMinutes;
            if (kind < 0.45) {
                arrivalMinute = 7 * 60 + random.nextInt(14 * 60);
                dwellMinutes = 2 + random.nextInt(12);
            } else if (kind < 0.85) {
                arrivalMinute = 10 * 60 + random.nextInt(9 * 60);
                dwellMinutes = 15 + random.nextInt(166);
            } else {
                arrivalMinute = 8 * 60 + random.nextInt(60);
                dwellMinutes = 8 * 60 + random.nextInt(120);
            }
            double latitude = SOUTH + random.nextDouble() * (NORTH - SOUTH);
            double longitude = WEST + random.nextDouble() * (EAST - WEST);
            for (int minute = 0; minute <= dwellMinutes; minute += 5 + random.nextInt(10)) {
                latitude = clamp(latitude + random.nextGaussian() * 0.0004, SOUTH, NORTH);
                longitude = clamp(longitude + random.nextGaussian() * 0.0002, WEST, EAST);
                OffsetDateTime at = day.atStartOfDay().atOffset(JST).plusMinutes(arrivalMinute + minute)
                        .plusSeconds(random.nextInt(60));
                rows.add(List.of(deviceHash, at.toString(), String.format("%.6f", latitude), String.format("%.6f", longitude),
                        Integer.toString(5 + random.nextInt(40))));
            }
        }
        Path file = directory.resolve("gps").resolve("pings_" + day + ".csv");
        return new SourceFile("gps_pings", DelimitedFile.write(file, StandardCharsets.UTF_8,
                List.of("device_hash", "pinged_at", "latitude", "longitude", "accuracy_m"), rows));
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
