package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.OwnerOnlyFiles;

/**
 * Where departments leave real deliveries: one folder per source dataset ({@code lake.inbox}, by default
 * {@code var/inbox/<dataset>/}). A run takes every file waiting there; once its batch is committed the file moves to
 * {@code processed/}, and a file refused as a whole moves to {@code rejected/} beside a {@code .reason.txt} saying why.
 * Nothing is ever deleted or overwritten: a moved file's name starts with the time it was taken, so a second delivery
 * of the same name lands beside the first.
 *
 * <p>A file being copied in is not taken half-written if it is written under a name starting with a dot or ending in
 * {@code .part} or {@code .tmp} and renamed when complete; such names, and folders, are left alone.
 */
public final class Inbox {
    public static final String PROCESSED = "processed";
    public static final String REJECTED = "rejected";
    private static final String REASON_SUFFIX = ".reason.txt";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);

    private final Path root;
    private final Clock clock;

    public Inbox(Path root, Clock clock) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The inbox of {@code lake.inbox} (made absolute by the settings loader). */
    public static Inbox of(LakeSettings settings, Clock clock) {
        requireNonNull(settings, "settings is null");
        return new Inbox(Path.of(settings.option("lake.inbox").orElse("var/inbox")), clock);
    }

    public Path folder(String dataset) {
        requireNonNull(dataset, "dataset is null");
        if (!dataset.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a dataset name: " + dataset);
        }
        return root.resolve(dataset);
    }

    /** Creates the folder of each dataset, so a steward sees where deliveries go. */
    public void createFolders(List<String> datasets) {
        for (String dataset : datasets) {
            OwnerOnlyFiles.createDirectories(folder(dataset));
        }
    }

    /** The files waiting for a dataset, by name. */
    public List<Path> waiting(String dataset) {
        Path folder = folder(dataset);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(Inbox::complete).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + folder, e);
        }
    }

    /** Moves a file whose batch is committed to {@code processed/}; returns where it went. */
    public Path processed(String dataset, Path file) {
        return moveTo(dataset, file, PROCESSED);
    }

    /** Moves a file refused as a whole to {@code rejected/}, with the reason in a file beside it; returns where it went. */
    public Path rejected(String dataset, Path file, String reason) {
        requireNonNull(reason, "reason is null");
        Path moved = moveTo(dataset, file, REJECTED);
        OwnerOnlyFiles.writeString(moved.resolveSibling(moved.getFileName() + REASON_SUFFIX), reason.strip() + "\n");
        return moved;
    }

    private Path moveTo(String dataset, Path file, String outcome) {
        requireNonNull(file, "file is null");
        Path target = folder(dataset).resolve(outcome);
        String stamp = STAMP.format(clock.instant().atZone(ZoneId.of("Asia/Tokyo")));
        try {
            OwnerOnlyFiles.createDirectories(target);
            for (int copy = 1; ; copy++) {
                String prefix = copy == 1 ? stamp + "_" : stamp + "-" + copy + "_";
                Path destination = target.resolve(prefix + file.getFileName());
                try {
                    // Without REPLACE_EXISTING a name already taken fails the move instead of replacing that file.
                    return Files.move(file, destination);
                } catch (FileAlreadyExistsException taken) {
                    // A file of the same name was taken in the same second: try the next number.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + target, e);
        }
    }

    /** Hidden files and those still being written ({@code .part}, {@code .tmp}) are not deliveries yet. */
    private static boolean complete(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp");
    }
}
