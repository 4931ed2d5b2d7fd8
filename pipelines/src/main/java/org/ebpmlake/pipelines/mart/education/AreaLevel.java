package org.ebpmlake.pipelines.mart.education;

import java.util.Locale;

/** Where an education cell is counted: one school, one ward's schools, or every school of the city. */
public enum AreaLevel {
    SCHOOL,
    WARD,
    CITY;

    /** The city's own local-government code, the area code of city-wide cells. */
    public static final String CITY_CODE = "27100";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AreaLevel fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The SQL that names a ROLLUP(ward_code, school_code) row's level. */
    static String fromRollup() {
        return "CASE WHEN grouping(ward_code) = 1 THEN 'city' WHEN grouping(school_code) = 1 THEN 'ward' ELSE 'school' END";
    }
}
