package org.ebpmlake.pipelines.sources;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** A delivered file and the dataset it belongs to. */
public record SourceFile(String dataset, Path path) {
    public SourceFile {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(path, "path is null");
    }
}
