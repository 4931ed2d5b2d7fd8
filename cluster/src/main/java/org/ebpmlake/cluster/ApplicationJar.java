package org.ebpmlake.cluster;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/**
 * The lake as one jar for {@code spark-submit}, built by {@code ./lake package} (the Maven profile {@code package},
 * module {@code app}): the launcher with every dependency of the project, Spark and Scala left to the cluster.
 */
public record ApplicationJar(Path file) {
    /** Where the build writes it; the name carries the project's and Spark's versions. */
    static final String FOLDER = "app/target";
    static final String PATTERN = "ebpm-lake-*-spark*.jar";

    public ApplicationJar {
        file = requireNonNull(file, "file is null").toAbsolutePath().normalize();
    }

    /**
     * The jar {@code ./lake package} built in this project, the newest if an earlier version's is still there; fails,
     * saying to run it, when there is none.
     */
    public static ApplicationJar builtIn(Path projectDirectory) {
        requireNonNull(projectDirectory, "projectDirectory is null");
        Path folder = projectDirectory.resolve(FOLDER);
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, PATTERN)) {
                jars.forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        if (found.isEmpty()) {
            throw new LakeException(ErrorCategory.NOT_PACKAGED, "アプリケーション jar がありません。先に ./lake package を実行してください"
                    + " / no application jar (" + folder.resolve(PATTERN) + "): run ./lake package first");
        }
        found.sort(Comparator.comparing(ApplicationJar::modified).reversed());
        return new ApplicationJar(found.get(0));
    }

    private static FileTime modified(Path jar) {
        try {
            return Files.getLastModifiedTime(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + jar, e);
        }
    }

    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
