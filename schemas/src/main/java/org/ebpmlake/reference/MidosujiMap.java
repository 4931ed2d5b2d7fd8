package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a footfall map draws for orientation, from the project's own reference data: the Midosuji line's stations from
 * Umeda to Namba ({@code reference/subway_stations.csv}) and the course of Midosuji itself ({@code reference/midosuji.csv}),
 * both as approximate positions (about 100 m), so no tile server or outside map is needed.
 */
public record MidosujiMap(List<Station> stations, List<Point> street) {
    /** A point in degrees (WGS 84). */
    public record Point(double latitude, double longitude) {
    }

    /** A subway station with its number, names and approximate position. */
    public record Station(String code, String nameJa, String nameEn, Point position) {
        public Station {
            requireNonNull(code, "code is null");
            requireNonNull(nameJa, "nameJa is null");
            requireNonNull(nameEn, "nameEn is null");
            requireNonNull(position, "position is null");
        }
    }

    public MidosujiMap {
        stations = List.copyOf(requireNonNull(stations, "stations is null"));
        street = List.copyOf(requireNonNull(street, "street is null"));
    }

    public static MidosujiMap load() {
        List<Station> stations = ResourceCsv.read("reference/subway_stations.csv").stream()
                .map(record -> new Station(record.get("code"), record.get("name_ja"), record.get("name_en"),
                        new Point(Double.parseDouble(record.get("latitude")), Double.parseDouble(record.get("longitude")))))
                .toList();
        List<Point> street = ResourceCsv.read("reference/midosuji.csv").stream()
                .map(record -> new Point(Double.parseDouble(record.get("latitude")), Double.parseDouble(record.get("longitude"))))
                .toList();
        return new MidosujiMap(stations, street);
    }
}
