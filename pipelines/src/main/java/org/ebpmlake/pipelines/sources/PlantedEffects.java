package org.ebpmlake.pipelines.sources;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The known effects the sample generators plant, with noise, so that an evaluation ({@code ./lake evaluate}, the
 * notebooks) can be checked against the truth. Each is named here once; the generators read them from here and the
 * tests compare the estimates with them.
 *
 * <ul>
 *   <li><b>Midosuji side-road pedestrianisation</b> ({@link #STREET_CHANGE}): from that day, the half-mesh cells along
 *   the changed stretch ({@link #PEDESTRIAN_STRETCH_CELLS}) see {@link #STREET_FOOTFALL_FACTOR} times as many
 *   visiting devices, and the share of visitors staying 15 to 180 minutes there rises by
 *   {@link #STREET_DWELL_SHARE_POINTS} percentage points (visitors who would have passed through stay a while instead).
 *   Other cells are unchanged.</li>
 *   <li><b>A seasonal pattern</b> common to every cell: the day's devices are multiplied by
 *   {@code 1 + SEASONAL_AMPLITUDE * sin(2π (day of year − 80) / 365.25)}, highest in late June and lowest in late
 *   December; a difference-in-differences removes it, a before/after comparison does not.</li>
 *   <li><b>The device pilot</b>: in fiscal {@link #DEVICE_PILOT_FISCAL_YEAR} the schools of the
 *   {@link #DEVICE_PILOT_WARDS} used learning devices daily; their students' test scores that year are
 *   {@link #DEVICE_PILOT_SCORE_POINTS} points higher, and they log {@link #DEVICE_PILOT_EXTRA_ACTIVITIES} more device
 *   activities a school day.</li>
 * </ul>
 */
public final class PlantedEffects {
    /** The day a side lane of Midosuji (Shinsaibashi to Namba) was turned into pedestrian space. */
    public static final LocalDate STREET_CHANGE = LocalDate.of(2025, 3, 20);
    /** The half meshes (JIS X 0410, 500 m) along the changed stretch: 34°40'00" to 34°40'45" N, both sides of the street. */
    public static final Set<String> PEDESTRIAN_STRETCH_CELLS = Set.of("523503092", "523504001", "523503094", "523504003",
            "523503192", "523504101");
    /** South and north edges (degrees) of the changed stretch, the cells above. */
    static final double STRETCH_SOUTH = 124_800 / 3600.0;
    static final double STRETCH_NORTH = 124_845 / 3600.0;
    /** Visitors to the changed stretch's cells after the change, relative to before: log 1.25 ≈ 0.223. */
    public static final double STREET_FOOTFALL_FACTOR = 1.25;
    /** Percentage points added to the stretch's share of visitors staying 15 to 180 minutes after the change. */
    public static final double STREET_DWELL_SHARE_POINTS = 10.0;
    /** Relative swing of the day's devices over the year. */
    public static final double SEASONAL_AMPLITUDE = 0.15;
    /** Wards whose schools took part in the device pilot (8 of the 24). */
    public static final List<String> DEVICE_PILOT_WARDS = List.of("27102", "27104", "27107", "27111", "27115", "27118", "27121", "27126");
    public static final int DEVICE_PILOT_FISCAL_YEAR = 2024;
    /** Points added to every score of a pilot ward's student in the pilot year. */
    public static final double DEVICE_PILOT_SCORE_POINTS = 5.0;
    /** More device activities a school day for a pilot ward's student in the pilot year. */
    public static final int DEVICE_PILOT_EXTRA_ACTIVITIES = 3;

    private PlantedEffects() {
    }

    /** The seasonal multiplier of a day's devices. */
    public static double seasonalFactor(LocalDate day) {
        return 1 + SEASONAL_AMPLITUDE * Math.sin(2 * Math.PI * (day.getDayOfYear() - 80) / 365.25);
    }
}
