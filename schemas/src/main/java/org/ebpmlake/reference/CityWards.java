package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/** The city's 24 wards with their local-government codes and 2020 census populations. */
public final class CityWards {
    private final List<Ward> wards;

    private CityWards(List<Ward> wards) {
        this.wards = List.copyOf(wards);
    }

    public static CityWards load() {
        List<Ward> wards = ResourceCsv.read("reference/wards.csv").stream()
                .map(CityWards::ward)
                .toList();
        return new CityWards(wards);
    }

    public List<Ward> all() {
        return wards;
    }

    public Optional<Ward> byCode(String code) {
        requireNonNull(code, "code is null");
        return wards.stream().filter(ward -> ward.code().equals(code)).findFirst();
    }

    public long totalPopulation() {
        return wards.stream().mapToLong(Ward::population).sum();
    }

    private static Ward ward(CSVRecord record) {
        return new Ward(record.get("code"), record.get("name_ja"), record.get("name_en"),
                Long.parseLong(record.get("population_2020")));
    }
}
