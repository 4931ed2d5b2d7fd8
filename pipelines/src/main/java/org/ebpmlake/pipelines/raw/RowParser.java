package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads the records of a delivery against the dataset's declaration, whatever the format they came in:
 * every reader hands over {@link DeliveryRecord}s, and this one class decides which are accepted (values
 * typed in declared column order) and which are rejected, with line, field and reason. It is serialisable,
 * so the same rules run in Spark tasks over a large file and on the driver over a small one.
 *
 * <p>Its output rows have the {@link #outcomeSchema outcome schema}: line, rejected field, reason and the
 * record as delivered, then the declared columns. A row is rejected exactly when its reason is set.
 */
final class RowParser implements Serializable {
    private static final long serialVersionUID = 1L;
    // Declared column names start with a letter, so these can never collide with one (attendance has a "reason").
    static final String LINE = "_outcome_line";
    static final String FIELD = "_outcome_field";
    static final String REASON = "_outcome_reason";
    static final String RAW_RECORD = "_outcome_raw_record";

    private final ColumnRule[] rules;
    private final int[] columnOfField;
    private final FieldParser fields = new FieldParser();

    RowParser(DatasetDeclaration dataset, int[] columnOfField) {
        requireNonNull(dataset, "dataset is null");
        this.rules = dataset.columns().stream().map(ColumnRule::of).toArray(ColumnRule[]::new);
        this.columnOfField = requireNonNull(columnOfField, "columnOfField is null").clone();
    }

    /** The schema of {@link #outcome} rows, given the raw table's schema for the declared columns' types. */
    static StructType outcomeSchema(DatasetDeclaration dataset, StructType rawTableSchema) {
        StructType schema = new StructType()
                .add(LINE, DataTypes.LongType, false)
                .add(FIELD, DataTypes.StringType, true)
                .add(REASON, DataTypes.StringType, true)
                .add(RAW_RECORD, DataTypes.StringType, false);
        for (ColumnDeclaration column : dataset.columns()) {
            StructField field = rawTableSchema.apply(column.name());
            schema = schema.add(field.name(), field.dataType(), true);
        }
        return schema;
    }

    /** The record as an outcome row: accepted with its values, or rejected with field and reason. */
    Row outcome(DeliveryRecord record) {
        Object[] values = new Object[rules.length];
        Optional<RejectedRow> rejection = parseInto(values, record);
        Object[] row = new Object[4 + rules.length];
        row[0] = record.line();
        row[3] = record.rawRecord();
        if (rejection.isPresent()) {
            row[1] = rejection.get().field().orElse(null);
            row[2] = rejection.get().reason();
        } else {
            System.arraycopy(values, 0, row, 4, values.length);
        }
        return RowFactory.create(row);
    }

    /** Fills {@code values} in declared column order, or says why the record is rejected. */
    Optional<RejectedRow> parseInto(Object[] values, DeliveryRecord record) {
        Optional<String> unreadable = record.unreadableReason();
        if (unreadable.isPresent()) {
            return Optional.of(new RejectedRow(record.line(), Optional.empty(), unreadable.get(), record.rawRecord()));
        }
        if (record.fieldCount() != columnOfField.length) {
            return Optional.of(new RejectedRow(record.line(), Optional.empty(),
                    "wrong column count: expected " + columnOfField.length + ", got " + record.fieldCount(), record.rawRecord()));
        }
        for (int field = 0; field < columnOfField.length; field++) {
            ColumnRule rule = rules[columnOfField[field]];
            String text = record.field(field);
            if (text.isBlank()) {
                if (rule.required()) {
                    return rejected(record, rule, "required value is missing");
                }
                continue;
            }
            Object value;
            try {
                value = fields.parse(rule.type(), text);
            } catch (FieldParseException e) {
                return rejected(record, rule, e.getMessage());
            }
            Optional<String> violation = rule.violation(value);
            if (violation.isPresent()) {
                return rejected(record, rule, violation.get());
            }
            values[columnOfField[field]] = value;
        }
        return Optional.empty();
    }

    /** The declared columns' names, in the order outcome rows hold them. */
    List<String> columnNames() {
        return Arrays.stream(rules).map(ColumnRule::name).toList();
    }

    private static Optional<RejectedRow> rejected(DeliveryRecord record, ColumnRule rule, String reason) {
        return Optional.of(new RejectedRow(record.line(), Optional.of(rule.name()), rule.header() + ": " + reason,
                record.rawRecord()));
    }
}
