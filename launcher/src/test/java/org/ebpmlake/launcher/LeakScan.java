package org.ebpmlake.launcher;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.PrivacyClass;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;

/**
 * Looks for personal values of the raw zone everywhere else: every value of a direct-identifier column (names, ids)
 * and of an address column of a raw table, searched as whole cells in every string column of the deid, mart and ops
 * zones, and as text in the static site's files and in any log text given. Each finding names where it was, never
 * the value itself (the report must not become a leak).
 */
final class LeakScan {
    /** Raw columns that hold part of an address; quasi-identifiers, but a person's address all the same. */
    private static final Set<String> ADDRESS_COLUMNS = Set.of("town_name");
    /** Shorter values (a one-letter code) would match ordinary text by chance. */
    private static final int MINIMUM_TEXT_LENGTH = 4;

    private final TemporaryLake lake;
    private final DatasetCatalog datasets;

    LeakScan(TemporaryLake lake, DatasetCatalog datasets) {
        this.lake = requireNonNull(lake, "lake is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
    }

    /** Where raw personal values were found: "deid.x.column" for table cells, file paths and "log line n" for text. */
    List<String> findings(Path site, List<String> logLines) {
        Dataset<String> personal = personalValues();
        List<String> findings = new ArrayList<>(inTables(personal));
        Set<String> values = new HashSet<>(personal.filter((org.apache.spark.api.java.function.FilterFunction<String>)
                value -> value.length() >= MINIMUM_TEXT_LENGTH).collectAsList());
        Set<Integer> lengths = new TreeSet<>();
        values.forEach(value -> lengths.add(value.length()));
        for (Path file : files(site)) {
            if (containsAny(read(file), values, lengths)) {
                findings.add(file.toString());
            }
        }
        for (int line = 0; line < logLines.size(); line++) {
            if (containsAny(logLines.get(line), values, lengths)) {
                findings.add("log line " + (line + 1));
            }
        }
        return findings;
    }

    private Dataset<String> personalValues() {
        Dataset<String> values = lake.spark().emptyDataset(Encoders.STRING());
        for (ZoneTable table : datasets.tables()) {
            if (table.name().zone() != Zone.RAW) {
                continue;
            }
            for (ColumnDeclaration column : table.dataset().columns()) {
                if (column.privacy() == PrivacyClass.DIRECT_IDENTIFIER || ADDRESS_COLUMNS.contains(column.name())) {
                    values = values.union(lake.spark().table(table.name().in(lake.settings().catalogName()))
                            .select(col(column.name()).cast(DataTypes.StringType)).as(Encoders.STRING()));
                }
            }
        }
        return values.filter(col("value").isNotNull()).distinct().cache();
    }

    private List<String> inTables(Dataset<String> personal) {
        Dataset<Row> cells = null;
        for (ZoneTable table : datasets.tables()) {
            if (table.name().zone() == Zone.RAW || table.name().zone() == Zone.CURATED) {
                continue;
            }
            Dataset<Row> rows = lake.spark().table(table.name().in(lake.settings().catalogName()));
            for (StructField field : rows.schema().fields()) {
                if (field.dataType().equals(DataTypes.StringType)) {
                    Dataset<Row> column = rows.select(lit(table.name() + "." + field.name()).as("place"), col(field.name()).as("value"));
                    cells = cells == null ? column : cells.union(column);
                }
            }
        }
        if (cells == null) {
            return List.of();
        }
        return cells.join(broadcast(personal.toDF("value")), "value").select("place").distinct().as(Encoders.STRING())
                .collectAsList();
    }

    private static boolean containsAny(String text, Set<String> values, Set<Integer> lengths) {
        for (int start = 0; start < text.length(); start++) {
            for (int length : lengths) {
                if (start + length <= text.length() && values.contains(text.substring(start, start + length))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).filter(path -> path.toString().matches(".*\\.(html|csv|json|txt|js|svg)$"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
