package org.ebpmlake.pipelines.mart.education;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.stream.Collectors;
import org.ebpmlake.reference.CityWards;
import org.ebpmlake.reference.Ward;

/** The names published beside each area code: the school's own name, the ward's in both languages, and the city. */
final class AreaNames {
    private final Map<String, String> schoolNames;
    private final CityWards wards = CityWards.load();

    AreaNames(Map<String, String> schoolNames) {
        this.schoolNames = Map.copyOf(requireNonNull(schoolNames, "schoolNames is null"));
    }

    String japanese(AreaCell cell) {
        return switch (cell.level()) {
            case SCHOOL -> schoolNames.getOrDefault(cell.schoolCode(), cell.schoolCode());
            case WARD -> wards.byCode(cell.wardCode()).map(Ward::nameJa).orElse(cell.wardCode());
            case CITY -> "大阪市";
        };
    }

    /** Schools keep their Japanese name (a proper noun) after the ward's English name. */
    String english(AreaCell cell) {
        return switch (cell.level()) {
            case SCHOOL -> wards.byCode(cell.wardCode()).map(Ward::nameEn).orElse(cell.wardCode()) + ": "
                    + schoolNames.getOrDefault(cell.schoolCode(), cell.schoolCode());
            case WARD -> wards.byCode(cell.wardCode()).map(Ward::nameEn).orElse(cell.wardCode()) + " ward";
            case CITY -> "Osaka City";
        };
    }

    /** The ward's Japanese name, for a school's or a ward's row; null for the city's. */
    String wardJapanese(AreaCell cell) {
        return cell.wardCode() == null ? null : wards.byCode(cell.wardCode()).map(Ward::nameJa).orElse(cell.wardCode());
    }

    String wardEnglish(AreaCell cell) {
        return cell.wardCode() == null ? null : wards.byCode(cell.wardCode()).map(Ward::nameEn).orElse(cell.wardCode());
    }

    static Map<String, String> schoolNames(java.util.List<org.apache.spark.sql.Row> schools) {
        return schools.stream().collect(Collectors.toMap(row -> row.<String>getAs("school_code"), row -> row.<String>getAs("school_name")));
    }
}
