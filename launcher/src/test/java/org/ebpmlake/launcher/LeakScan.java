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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<String> findings = new ArrayList<>(inTables(personalValues()));
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : files(site)) {
            texts.put(file.toString(), read(file));
        }
        for (int line = 0; line < logLines.size(); line++) {
            texts.put("log line " + (line + 1), logLines.get(line));
        }
        findings.addAll(inTexts(texts));
        return findings;
    }

    /** The names of the texts (a service's answers, a log) that hold a raw personal value anywhere in them. */
    List<String> inTexts(Map<String, String> textsByPlace) {
        Set<String> values = new HashSet<>(personalValues().filter((org.apache.spark.api.java.function.FilterFunction<String>)
                value -> value.length() >= MINIMUM_TEXT_LENGTH).collectAsList());
        Set<Integer> lengths = new TreeSet<>();
        values.forEach(value -> lengths.add(value.length()));
        return textsByPlace.entrySet().stream().filter(text -> containsAny(text.getValue(), values, lengths))
                .map(Map.Entry::getKey).toList();
    }

    /** One name of a resident as the raw zone holds it: what a scan must find if it were planted elsewhere. */
    String aPersonalValue() {
        return lake.spark().table(new org.ebpmlake.schemas.TableName(Zone.RAW, "residents").in(lake.settings().catalogName()))
                .first().getAs("name_kanji");
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
