package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One counted group of an education table: its slice (the non-area dimensions, such as {@code 2024|国語|3}), where it
 * is counted, and how many it counts.
 */
record AreaCell(String slice, AreaLevel level, String wardCode, String schoolCode, long count) {
    AreaCell {
        requireNonNull(slice, "slice is null");
        requireNonNull(level, "level is null");
    }

    /** The area's own code: the school's, the ward's, or the city's. */
    String areaCode() {
        return switch (level) {
            case SCHOOL -> schoolCode;
            case WARD -> wardCode;
            case CITY -> AreaLevel.CITY_CODE;
        };
    }

    String id() {
        return id(slice, level, areaCode());
    }

    static String id(String slice, AreaLevel level, String areaCode) {
        return slice + "|" + level.code() + "|" + areaCode;
    }

    /** The id of the ward (or city) cell this cell is a part of, if any. */
    Optional<String> parentId() {
        return switch (level) {
            case SCHOOL -> Optional.of(id(slice, AreaLevel.WARD, wardCode));
            case WARD -> Optional.of(id(slice, AreaLevel.CITY, AreaLevel.CITY_CODE));
            case CITY -> Optional.empty();
        };
    }
}
