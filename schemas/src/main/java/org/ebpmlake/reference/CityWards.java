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

    /**
     * The ward a resident lives in when residents are lined up ward by ward and one is drawn at
     * {@code share} of the way along: drawing {@code share} uniformly gives wards in proportion to their
     * populations.
     */
    public Ward atPopulationShare(double share) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("a population share is in [0, 1), got " + share);
        }
        long position = (long) (share * totalPopulation());
        long cumulative = 0;
        for (Ward ward : wards) {
            cumulative += ward.population();
            if (position < cumulative) {
                return ward;
            }
        }
        return wards.get(wards.size() - 1);
    }

    public long totalPopulation() {
        return wards.stream().mapToLong(Ward::population).sum();
    }

    private static Ward ward(CSVRecord record) {
        return new Ward(record.get("code"), record.get("name_ja"), record.get("name_en"),
                Long.parseLong(record.get("population_2020")));
    }
}
