package org.ebpmlake.pipelines.sources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.ebpmlake.reference.JisMeshCode;

/**
 * One day of GPS pings around Midosuji (Umeda to Namba): passers-by with a few pings, short dwellers
 * (tens of minutes), long dwellers (hours) and commuters who arrive in the morning and leave in the evening.
 * Each device stays inside the half mesh it appears in, so a cell's visitors are the devices placed there.
 * The day's devices follow {@link PlantedEffects#seasonalFactor}; from {@link PlantedEffects#STREET_CHANGE} the
 * changed stretch's cells get more visitors, and fewer of them only pass through (see {@link PlantedEffects}).
 * Rows are written as generated, so a city-scale day never sits in memory.
 */
final class GpsPingSample {
    private static final double SOUTH = 34.665;
    private static final double NORTH = 34.705;
    private static final double WEST = 135.495;
    private static final double EAST = 135.505;
    private static final double PASSER_SHARE = 0.45;
    private static final double SHORT_DWELLER_SHARE = 0.33;
    private static final double LONG_DWELLER_SHARE = 0.07;
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
        boolean afterChange = !day.isBefore(PlantedEffects.STREET_CHANGE);
        int devicesToday = (int) Math.round(devices * PlantedEffects.seasonalFactor(day));
        // The stretch holds this share of the area, so this many extra devices there make its footfall the planted factor.
        double stretchShare = (PlantedEffects.STRETCH_NORTH - PlantedEffects.STRETCH_SOUTH) / (NORTH - SOUTH);
        int extraOnStretch = afterChange
                ? (int) Math.round(devicesToday * stretchShare * (PlantedEffects.STREET_FOOTFALL_FACTOR - 1)) : 0;
        try (DelimitedFile out = DelimitedFile.create(file, StandardCharsets.UTF_8,
                List.of("device_hash", "pinged_at", "latitude", "longitude", "accuracy_m"))) {
            byte[] hash = new byte[16];
            for (int device = 0; device < devicesToday + extraOnStretch; device++) {
                random.nextBytes(hash);
                double south = device < devicesToday ? SOUTH : PlantedEffects.STRETCH_SOUTH;
                double north = device < devicesToday ? NORTH : PlantedEffects.STRETCH_NORTH;
                double latitude = south + random.nextDouble() * (north - south);
                double longitude = WEST + random.nextDouble() * (EAST - WEST);
                writeDevice(out, HexFormat.of().formatHex(hash), latitude, longitude, afterChange);
            }
        }
        return new SourceFile("gps_pings", file);
    }

    private void writeDevice(DelimitedFile out, String deviceHash, double startLatitude, double startLongitude, boolean afterChange) {
        String cell = JisMeshCode.halfMesh(startLatitude, startLongitude);
        double[] bounds = JisMeshCode.halfMeshBounds(cell);
        double south = Math.max(SOUTH, bounds[0]);
        double west = Math.max(WEST, bounds[1]);
        double north = Math.min(NORTH, bounds[2]) - 1e-7;
        double east = Math.min(EAST, bounds[3]) - 1e-7;
        // On the changed stretch, the planted share of would-be passers-by stays a while instead.
        double shifted = afterChange && PlantedEffects.PEDESTRIAN_STRETCH_CELLS.contains(cell)
                ? PlantedEffects.STREET_DWELL_SHARE_POINTS / 100 : 0;
        double passerShare = PASSER_SHARE - shifted;
        double shortDwellerShare = SHORT_DWELLER_SHARE + shifted;
        double kind = random.nextDouble();
        int arrivalMinute;
        int dwellMinutes;
        if (kind < passerShare) {
            arrivalMinute = 7 * 60 + random.nextInt(14 * 60);
            dwellMinutes = 2 + random.nextInt(12);
        } else if (kind < passerShare + shortDwellerShare) {
            arrivalMinute = 10 * 60 + random.nextInt(9 * 60);
            dwellMinutes = 20 + random.nextInt(40);
        } else if (kind < passerShare + shortDwellerShare + LONG_DWELLER_SHARE) {
            arrivalMinute = 10 * 60 + random.nextInt(8 * 60);
            dwellMinutes = 60 + random.nextInt(100);
        } else {
            arrivalMinute = 8 * 60 + random.nextInt(60);
            dwellMinutes = 8 * 60 + random.nextInt(120);
        }
        double latitude = startLatitude;
        double longitude = startLongitude;
        int minute = 0;
        while (true) {
            OffsetDateTime at = day.atStartOfDay().atOffset(JST).plusMinutes(arrivalMinute + minute).plusSeconds(random.nextInt(60));
            out.write(List.of(deviceHash, at.toString(), String.format("%.6f", latitude), String.format("%.6f", longitude),
                    Integer.toString(5 + random.nextInt(40))));
            if (minute == dwellMinutes) {
                return;
            }
            // The last ping is at the end of the stay, so a session's length is the stay the generator chose.
            minute = Math.min(dwellMinutes, minute + 5 + random.nextInt(10));
            latitude = clamp(latitude + random.nextGaussian() * 0.0004, south, north);
            longitude = clamp(longitude + random.nextGaussian() * 0.0002, west, east);
        }
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
