package org.ebpmlake.pipelines.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One day of GPS pings around Midosuji (Umeda to Namba): passers-by with a few pings, short dwellers
 * (tens of minutes), long dwellers (hours) and commuters who arrive in the morning and leave in the evening.
 * After {@link #STREET_CHANGE}, when a lane of Midosuji became pedestrian space, fewer people just pass
 * and more of them stay. Rows are written as generated, so a city-scale day never sits in memory.
 */
final class GpsPingSample {
    /** The day a lane of Midosuji was turned into pedestrian space (the change the footfall is compared across). */
    static final LocalDate STREET_CHANGE = LocalDate.of(2025, 3, 20);
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
        Path file = directory.resolve("gps").resolve("pings_" + day + ".csv");
        boolean afterChange = !day.isBefore(STREET_CHANGE);
        double passerShare = afterChange ? 0.35 : 0.45;
        double shortDwellerShare = afterChange ? 0.40 : 0.33;
        double longDwellerShare = afterChange ? 0.10 : 0.07;
        try (DelimitedFile out = DelimitedFile.create(file, StandardCharsets.UTF_8,
                List.of("device_hash", "pinged_at", "latitude", "longitude", "accuracy_m"))) {
            byte[] hash = new byte[16];
            for (int device = 0; device < devices; device++) {
                random.nextBytes(hash);
                String deviceHash = HexFormat.of().formatHex(hash);
                double kind = random.nextDouble();
                int arrivalMinute;
                int dwellMinutes;
                if (kind < passerShare) {
                    arrivalMinute = 7 * 60 + random.nextInt(14 * 60);
                    dwellMinutes = 2 + random.nextInt(12);
                } else if (kind < passerShare + shortDwellerShare) {
                    arrivalMinute = 10 * 60 + random.nextInt(9 * 60);
                    dwellMinutes = 15 + random.nextInt(45);
                } else if (kind < passerShare + shortDwellerShare + longDwellerShare) {
                    arrivalMinute = 10 * 60 + random.nextInt(8 * 60);
                    dwellMinutes = 60 + random.nextInt(180);
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
                    out.write(List.of(deviceHash, at.toString(), String.format("%.6f", latitude),
                            String.format("%.6f", longitude), Integer.toString(5 + random.nextInt(40))));
                }
            }
        }
        return new SourceFile("gps_pings", file);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
