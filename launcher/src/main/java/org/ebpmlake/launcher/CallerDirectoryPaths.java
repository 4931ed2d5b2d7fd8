package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads every path a person types on the command line relative to the folder they typed it in. The {@code lake}
 * script changes to the project folder before starting Java (so configuration and {@code var/} are found wherever
 * it is called from) and passes the folder it was called from as {@code LAKE_CALLER_DIRECTORY}; without this, a
 * steward in their delivery folder typing {@code /opt/ebpm-lake/lake ingest residents delivery.csv} would be told
 * the file does not exist.
 */
record CallerDirectoryPaths(Optional<Path> callerDirectory) implements ITypeConverter<Path> {
    static final String VARIABLE = "LAKE_CALLER_DIRECTORY";

    CallerDirectoryPaths {
        requireNonNull(callerDirectory, "callerDirectory is null");
    }

    static CallerDirectoryPaths from(Map<String, String> environment) {
        return new CallerDirectoryPaths(Optional.ofNullable(environment.get(VARIABLE))
                .filter(directory -> !directory.isBlank()).map(Path::of));
    }

    @Override
    public Path convert(String value) {
        Path path = Path.of(value);
        if (path.isAbsolute() || callerDirectory.isEmpty()) {
            return path;
        }
        return callerDirectory.get().resolve(path).normalize();
    }
}
