package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.ebpmlake.lake.LakeSettings;

/**
 * Which engine de-identifies a table, and why. The in-memory engine collects the rows to the driver; it is
 * chosen when they fit with room to spare, and the Spark engine (the search on counted rows, the plan applied
 * by Spark) takes over by itself when they would not. {@code lake.anonymize.engine} may force either.
 *
 * <p>The estimate is deliberately rough and generous: a collected row costs an array header plus a String of
 * some 48 bytes per cell, and the encoding adds a few ints a record. Measured on the city registry: 2.75 million
 * five-column rows peaked at about 0.7 GB of heap, some 250 bytes a row, under this estimate's 344.
 */
public record EngineChoice(Engine engine, String reason) {
    private static final long BYTES_PER_ROW = 64;
    private static final long BYTES_PER_CELL = 56;

    public enum Engine {
        MEMORY, SPARK;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public EngineChoice {
        requireNonNull(engine, "engine is null");
        requireNonNull(reason, "reason is null");
    }

    /**
     * The engine the lake's settings choose: {@code lake.anonymize.engine} and {@code lake.anonymize.memory-budget-mb}.
     *
     * @param availableBytes heap the driver can give the engine when no budget is set; see {@link #freeHeapShare}
     */
    public static EngineChoice of(LakeSettings settings, long rows, int columns, long availableBytes) {
        requireNonNull(settings, "settings is null");
        String configured = settings.option("lake.anonymize.engine").orElse("auto");
        long budget = settings.option("lake.anonymize.memory-budget-mb").filter(value -> !value.isBlank())
                .map(value -> Long.parseLong(value.trim()) * 1024 * 1024).orElse(availableBytes);
        return of("lake.anonymize.engine", configured, rows, columns, budget);
    }

    /**
     * @param setting where {@code configured} came from, for the reason and the error
     * @param configured auto, memory or spark
     * @param budget bytes the in-memory engine may use
     */
    public static EngineChoice of(String setting, String configured, long rows, int columns, long budget) {
        requireNonNull(setting, "setting is null");
        String engine = requireNonNull(configured, "configured is null").trim().toLowerCase(Locale.ROOT);
        long needed = rows * (BYTES_PER_ROW + columns * BYTES_PER_CELL);
        String estimate = String.format(Locale.ROOT, "%,d rows need about %,d MB, %,d MB available", rows,
                needed / (1024 * 1024), budget / (1024 * 1024));
        return switch (engine) {
            case "memory" -> new EngineChoice(Engine.MEMORY, setting + "=memory; " + estimate);
            case "spark" -> new EngineChoice(Engine.SPARK, setting + "=spark; " + estimate);
            case "auto" -> needed <= budget
                    ? new EngineChoice(Engine.MEMORY, "auto: " + estimate)
                    : new EngineChoice(Engine.SPARK, "auto: " + estimate + ", too little for memory");
            default -> throw new IllegalArgumentException(setting + " must be auto, memory or spark, not '" + configured + "'");
        };
    }

    /** Half of the heap that is free of the maximum, for the engine; the rest for Spark and the driver. */
    public static long freeHeapShare(Runtime runtime) {
        long used = runtime.totalMemory() - runtime.freeMemory();
        return Math.max(0, (runtime.maxMemory() - used) / 2);
    }
}
