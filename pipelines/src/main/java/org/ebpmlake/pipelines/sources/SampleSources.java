package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ebpmlake.reference.CityWards;
import org.ebpmlake.reference.KpiCatalogFile;

/**
 * Writes a deterministic delivery of every source the lake ingests, at a given scale: the same seed, scale
 * and date give byte-identical files, so a re-run ingests nothing new.
 *
 * @param asOf the day the extract describes; the school days, GPS days and the latest fiscal year follow from it
 */
public record SampleSources(long seed, Scale scale, LocalDate asOf) {
    public SampleSources {
        requireNonNull(scale, "scale is null");
        requireNonNull(asOf, "asOf is null");
    }

    public List<SourceFile> writeTo(Path directory) {
        requireNonNull(directory, "directory is null");
        CityWards wards = CityWards.load();
        int fiscalYear = asOf.getMonthValue() >= 4 ? asOf.getYear() : asOf.getYear() - 1;
        List<SourceFile> files = new ArrayList<>();
        files.add(new ResidentSample(seed, scale.residents(), asOf, wards).write(directory));
        EducationSample education = new EducationSample(seed + 1, wards, scale, fiscalYear);
        files.addAll(education.write(directory));
        files.addAll(new SchoolDaySample(seed + 4, education.students(), asOf, scale.schoolDays()).write(directory));
        files.add(new IctSurveySample(seed + 5, education.schools(), fiscalYear).write(directory));
        for (LocalDate day : footfallDays()) {
            files.add(new GpsPingSample(seed + 2 + day.toEpochDay(), scale.gpsDevices(), day).write(directory));
            files.add(new SubwayExitSample(seed + 6 + day.toEpochDay(), scale, day).write(directory));
        }
        files.addAll(new KpiActualSample(seed + 3, KpiCatalogFile.load(), fiscalYear).write(directory));
        return List.copyOf(files);
    }

    /** A registry extract alone, with a given number of residents (for tests of the registry's stages). */
    public SourceFile writeResidentsTo(Path directory, int residents) {
        requireNonNull(directory, "directory is null");
        if (residents < 1) {
            throw new IllegalArgumentException("residents must be positive, got " + residents);
        }
        return new ResidentSample(seed, residents, asOf, CityWards.load()).write(directory);
    }

    /** One day's changes to the registry (moves in and within the city), as the daily registry delivery. */
    public SourceFile writeRegistryChangesTo(Path directory, int changes) {
        requireNonNull(directory, "directory is null");
        if (changes < 1) {
            throw new IllegalArgumentException("changes must be positive, got " + changes);
        }
        return new ResidentSample(seed + 7, scale.residents(), asOf, CityWards.load()).writeChanges(directory, changes);
    }

    /**
     * The days of footfall. At small scale five Mondays up to the as-of day (weekly periods: with the default as-of day,
     * three before the street change and two after, enough for a difference-in-differences with a pre-trend check); at
     * tiny scale, which only the pipeline's own tests use, the first Monday before the change and the as-of day; at city
     * scale one day, the daily increment.
     */
    private List<LocalDate> footfallDays() {
        return switch (scale) {
            case TINY -> List.of(asOf.minusWeeks(2), asOf);
            case SMALL -> List.of(asOf.minusWeeks(4), asOf.minusWeeks(3), asOf.minusWeeks(2), asOf.minusWeeks(1), asOf);
            case CITY -> List.of(asOf);
        };
    }
}
