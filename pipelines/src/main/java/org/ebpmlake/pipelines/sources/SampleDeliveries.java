package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local environment's sample deliveries in one folder: written once for a seed, scale and date, and listed from
 * the folder's manifest afterwards, so that every task that ingests one dataset (a separate process under Airflow)
 * does not write all of them again. Being deterministic, a rewrite would give the same bytes anyway, unless the
 * generators changed, which a new build's manifest header notices.
 */
public final class SampleDeliveries {
    private static final String MANIFEST = "manifest.tsv";

    private final SampleSources samples;
    private final Path directory;

    public SampleDeliveries(SampleSources samples, Path directory) {
        this.samples = requireNonNull(samples, "samples is null");
        this.directory = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    /** Every sample file, written first unless the folder already holds this seed's, scale's and date's. */
    public List<SourceFile> ensureWritten() {
        Optional<List<SourceFile>> written = manifest();
        if (written.isPresent()) {
            return written.get();
        }
        List<SourceFile> files = samples.writeTo(directory);
        List<String> lines = new ArrayList<>(List.of(header()));
        for (SourceFile file : files) {
            lines.add(file.dataset() + "\t" + directory.relativize(file.path().toAbsolutePath().normalize()));
        }
        try {
            // Written last: a manifest means every file it lists was written completely.
            Files.write(directory.resolve(MANIFEST), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample manifest in " + directory, e);
        }
        return files;
    }

    /** The sample files of one dataset, in the order they were written; none before {@link #ensureWritten()}. */
    public List<Path> filesOf(String dataset) {
        requireNonNull(dataset, "dataset is null");
        return manifest().orElse(List.of()).stream().filter(file -> file.dataset().equals(dataset)).map(SourceFile::path).toList();
    }

    private Optional<List<SourceFile>> manifest() {
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(header())) {
                return Optional.empty();
            }
            List<SourceFile> files = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", 2);
                Path file = directory.resolve(fields[1]);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                files.add(new SourceFile(fields[0], file));
            }
            return Optional.of(List.copyOf(files));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample manifest " + manifest, e);
        }
    }

    private String header() {
        return "# seed=" + samples.seed() + " scale=" + samples.scale().name().toLowerCase(java.util.Locale.ROOT) + " as_of=" + samples.asOf()
                + " generators=" + generatorsVersion();
    }

    /**
     * The build of the generators: a rebuilt jar may write different samples for the same seed, so its size and time
     * are part of the manifest's header and a new build writes the samples again.
     */
    private static String generatorsVersion() {
        try {
            Path location = Path.of(SampleSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis();
            }
            return "classes";
        } catch (IOException | java.net.URISyntaxException | SecurityException e) {
            return "unknown";
        }
    }
}
