package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * Derives the table of each zone from a dataset declaration. The rules are the lake's privacy contract:
 * the raw table holds every declared column plus lineage; beyond the stewards' zones (raw and ops), direct
 * identifiers are pseudonymised (renamed {@code <name>_pseudonym}) or dropped, and only the batch id is kept
 * as lineage.
 *
 * <p>Every column is optional in Iceberg: a missing required value is caught at ingest and sent to
 * quarantine with its file and line, which a table constraint could not do.
 */
public final class ZoneTableLayout {
    private static final Pattern TRANSFORM = Pattern.compile("(\\w+)\\(\\s*(?:(\\d+)\\s*,\\s*)?(\\w+)\\s*\\)");
    public static final String PSEUDONYM_SUFFIX = "_pseudonym";
    /** The partition column of the tables all datasets' writers share. */
    private static final String SHARED_BY_DATASETS = "dataset";
    /** Parquet's own switch, which Iceberg reads from the table's properties. */
    private static final String RAW_DICTIONARY = "parquet.enable.dictionary";

    public ZoneTable tableIn(DatasetDeclaration dataset, Zone zone) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(zone, "zone is null");
        if (!dataset.zones().contains(zone)) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " is not declared in zone " + zone.namespace());
        }
        List<Types.NestedField> fields = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("format-version", "2");
        properties.put("comment", dataset.title().bilingual());
        properties.put("ebpm.dataset", dataset.name());
        properties.put("ebpm.zone", zone.namespace());
        for (ColumnDeclaration column : dataset.columns()) {
            String columnName = columnNameIn(column, zone);
            if (columnName.isEmpty()) {
                continue;
            }
            String doc = column.description().bilingual();
            if (!columnName.equals(column.name())) {
                doc = doc + "（仮名化 / keyed pseudonym）";
            }
            fields.add(Types.NestedField.optional(fields.size() + 1, columnName, icebergType(column, columnName), doc));
            PrivacyClass privacy = columnName.equals(column.name()) ? column.privacy() : PrivacyClass.INSENSITIVE;
            properties.put(ZoneTable.PRIVACY_PROPERTY_PREFIX + columnName, privacy.name().toLowerCase(Locale.ROOT));
            if (zone != Zone.RAW && column.fiscalYearColumn().isPresent()) {
                String year = column.fiscalYearColumn().get();
                fields.add(Types.NestedField.optional(fields.size() + 1, year, Types.IntegerType.get(),
                        "年度（4月〜3月、" + column.name() + " から） / fiscal year, April to March, of " + column.name()));
                properties.put(ZoneTable.PRIVACY_PROPERTY_PREFIX + year, "insensitive");
            }
        }
        if (zone == Zone.RAW && dataset.isSource()) {
            // Whole source-file names in the data files' statistics (Iceberg keeps 16 characters by default), so a
            // corrected re-delivery can drop its predecessor's files by name in the commit that adds its own.
            properties.put("write.metadata.metrics.column." + LineageColumn.SOURCE_FILE.columnName(), "full");
            // No dictionary encoding in the landing zone. Each ingest task writes a file per partition, so a delivery
            // becomes many files of a few thousand rows, and in files that small a column of unique values (ids,
            // names) never grows past the dictionary's limit: every value is hashed into a dictionary that saves
            // nothing. Measured on the city's registry (./lake bench ingest): 28 s with dictionaries, 20 s without,
            // for 28 % more bytes (60 MB against 47 MB, compressed with zstd either way). The curated zone, which
            // is what is read again and again, keeps Parquet's default.
            properties.put(RAW_DICTIONARY, "false");
            for (LineageColumn lineage : LineageColumn.values()) {
                fields.add(Types.NestedField.optional(fields.size() + 1, lineage.columnName(), lineage.type(),
                        lineage.description().bilingual()));
            }
        } else if (dataset.isSource()) {
            LineageColumn batch = LineageColumn.BATCH_ID;
            fields.add(Types.NestedField.optional(fields.size() + 1, batch.columnName(), batch.type(),
                    batch.description().bilingual()));
        }
        Schema schema = new Schema(fields);
        PartitionSpec spec = partitionSpec(dataset, zone, schema);
        if (dataset.partitionedBy().contains(SHARED_BY_DATASETS)) {
            // A table every dataset's writer shares (the quarantine, the batch register, the quality results): each
            // writes only its own dataset's partition, so its files are never another's. Snapshot isolation lets a
            // writer's row-level change commit beside another dataset's, retried on the new state, where the default
            // (serializable) refuses any file added meanwhile; changes to the same files still conflict.
            for (String operation : List.of("delete", "update", "merge")) {
                properties.put("write." + operation + ".isolation-level", "snapshot");
            }
        }
        return new ZoneTable(new TableName(zone, dataset.name()), dataset, schema, spec, properties);
    }

    /** The column's name in a zone, or empty where the zone does not carry it. */
    public String columnNameIn(ColumnDeclaration column, Zone zone) {
        if (zone.holdsDirectIdentifiers() || column.privacy() != PrivacyClass.DIRECT_IDENTIFIER) {
            return column.name();
        }
        DirectIdentifierTreatment treatment = column.treatment().orElseThrow();
        return switch (treatment) {
            case PSEUDONYMIZE -> column.name() + PSEUDONYM_SUFFIX;
            case DROP -> "";
        };
    }

    private static org.apache.iceberg.types.Type icebergType(ColumnDeclaration column, String columnName) {
        if (!columnName.equals(column.name())) {
            return Types.StringType.get();
        }
        return column.type().icebergType();
    }

    private static PartitionSpec partitionSpec(DatasetDeclaration dataset, Zone zone, Schema schema) {
        PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
        for (String expression : dataset.partitionedBy()) {
            String trimmed = expression.trim();
            Matcher matcher = TRANSFORM.matcher(trimmed);
            String sourceColumn = matcher.matches() ? matcher.group(3) : trimmed;
            if (schema.findField(sourceColumn) == null) {
                throw new IllegalArgumentException("dataset " + dataset.name() + " is partitioned by '" + expression
                        + "' but zone " + zone.namespace() + " has no column " + sourceColumn);
            }
            if (!matcher.matches()) {
                builder.identity(sourceColumn);
                continue;
            }
            String transform = matcher.group(1).toLowerCase(Locale.ROOT);
            switch (transform) {
                case "year" -> builder.year(sourceColumn);
                case "month" -> builder.month(sourceColumn);
                case "day" -> builder.day(sourceColumn);
                case "hour" -> builder.hour(sourceColumn);
                case "bucket" -> builder.bucket(sourceColumn, widthOf(dataset, expression, matcher));
                case "truncate" -> builder.truncate(sourceColumn, widthOf(dataset, expression, matcher));
                default -> throw new IllegalArgumentException("dataset " + dataset.name()
                        + " uses unknown partition transform '" + expression + "'");
            }
        }
        return builder.build();
    }

    private static int widthOf(DatasetDeclaration dataset, String expression, Matcher matcher) {
        if (matcher.group(2) == null) {
            throw new IllegalArgumentException("dataset " + dataset.name() + ": '" + expression + "' needs a width, e.g. bucket(16, col)");
        }
        return Integer.parseInt(matcher.group(2));
    }
}
