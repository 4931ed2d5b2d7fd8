package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ebpmlake.reference.CityWards;
import org.ebpmlake.reference.KpiCatalogFile;

/**
 * Writes a small, deterministic delivery of every source the lake ingests: the same seed and date give
 * byte-identical files, so a re-run ingests nothing new.
 *
 * @param residents how many registry rows to write
 * @param asOf the day the extract describes; the GPS day and the latest fiscal year follow from it
 */
public record SampleSources(long seed, int residents, LocalDate asOf) {
    private static final int GPS_DEVICES = 400;

    public SampleSources {
        if (residents < 1) {
            throw new IllegalArgumentException("residents must be positive, got " + residents);
        }
        requireNonNull(asOf, "asOf is null");
    }

    public List<SourceFile> writeTo(Path directory) {
        requireNonNull(directory, "directory is null");
        CityWards wards = CityWards.load();
        int fiscalYear = asOf.getMonthValue() >= 4 ? asOf.getYear() : asOf.getYear() - 1;
        List<SourceFile> files = new ArrayList<>();
        files.add(new ResidentSample(seed, residents, asOf, wards).write(directory));
        files.addAll(new EducationSample(seed + 1, wards, fiscalYear).write(directory));
        files.add(new GpsPingSample(seed + 2, GPS_DEVICES, asOf).write(directory));
        files.addAll(new KpiActualSample(seed + 3, KpiCatalogFile.load(), fiscalYear).write(directory));
        return List.copyOf(files);
    }
}
