package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * A reference list's codes with their Japanese and English names ({@code reference/<name>.csv}, columns
 * {@code code,name_ja,name_en}), in file order: what marts and pages show beside a code such as a mood or a complaint.
 */
public record NamedCodes(String name, Map<String, Names> codes) {
    /** The two names of one code. */
    public record Names(String japanese, String english) {
        public Names {
            requireNonNull(japanese, "japanese is null");
            requireNonNull(english, "english is null");
        }
    }

    public NamedCodes {
        requireNonNull(name, "name is null");
        codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(codes, "codes is null")));
    }

    public static NamedCodes load(String name) {
        requireNonNull(name, "name is null");
        Map<String, Names> codes = new LinkedHashMap<>();
        for (CSVRecord record : ResourceCsv.read("reference/" + CodeList.load(name).name() + ".csv")) {
            codes.put(record.get("code"), new Names(record.get("name_ja"), record.get("name_en")));
        }
        return new NamedCodes(name, codes);
    }

    public Optional<Names> of(String code) {
        return Optional.ofNullable(codes.get(code));
    }
}
