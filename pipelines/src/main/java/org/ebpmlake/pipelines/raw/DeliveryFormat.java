package org.ebpmlake.pipelines.raw;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats deliveries come in, told apart by the file name's extension. */
public enum DeliveryFormat {
    CSV,
    JSON_LINES,
    XLSX,
    PARQUET;

    public static Optional<DeliveryFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSON_LINES);
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (name.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }
}
