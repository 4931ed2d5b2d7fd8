package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.ColumnType;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.SpreadsheetCell;

/**
 * Reads the records of a delivery against the dataset's declaration, whatever the format they came in:
 * every reader hands over {@link DeliveryRecord}s, and this one class decides which are accepted (values
 * typed in declared column order) and which are rejected, with line, field and reason. It is serialisable,
 * so the same rules run in Spark tasks over a large file and on the driver over a small one.
 *
 * <p>Per value, in this order: a blank cell, or a dash or ellipsis written for "no value" (－ ― - …), is empty,
 * which a required column refuses; a code is compared in NFKC and, where no two codes differ only in case,
 * without regard to case, so ｐｒｅｓｅｎｔ, ABSENT and １ are read as present, absent and 1; text longer than the column's maximum is refused; text that starts like a spreadsheet formula
 * is stored inert ({@link SpreadsheetCell#inert}) and the field is flagged; dates and times after the delivery's
 * as-of date or in the future are refused ({@link PlausibleDates}).
 *
 * <p>Its output rows have the {@link #outcomeSchema outcome schema}: what became of the record (accepted,
 * quarantined, a blank line, or a line whose quote is still open at its end), the lines it spans, field, reason,
 * the record as delivered (kept for quarantined rows only), the flagged fields, then the declared columns.
 */
final class RowParser implements Serializable {
    private static final long serialVersionUID = 2L;
    // Declared column names start with a letter, so these can never collide with one (attendance has a "reason").
    static final String KIND = "_outcome_kind";
    static final String LINE = "_outcome_line";
    static final String LAST_LINE = "_outcome_last_line";
    static final String BYTE_OFFSET = "_outcome_byte_offset";
    static final String FIELD = "_outcome_field";
    static final String REASON = "_outcome_reason";
    static final String RAW_RECORD = "_outcome_raw_record";
    static final String FORMULA_FIELDS = "_outcome_formula_fields";
    static final String ACCEPTED = "accepted";
    static final String QUARANTINED = "quarantined";
    static final String BLANK = "blank";
    static final String QUOTE_OPEN = "quote_open";
    private static final int LEADING_COLUMNS = 8;
    /** What offices write in a cell that has no value: dashes of every width and ellipses. */
    private static final Set<String> NO_VALUE = Set.of("-", "－", "―", "‐", "‑", "–", "—", "−", "…", "...", "‥", "・・・");

    private final ColumnRule[] rules;
    private final int[] fieldOfColumn;
    private final int width;
    private final PlausibleDates plausible;
    private final FieldParser fields = new FieldParser();

    RowParser(DatasetDeclaration dataset, HeaderLayout layout, PlausibleDates plausible) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(layout, "layout is null");
        this.rules = dataset.columns().stream().map(ColumnRule::of).toArray(ColumnRule[]::new);
        this.fieldOfColumn = layout.fieldOfColumn();
        this.width = layout.width();
        this.plausible = requireNonNull(plausible, "plausible is null");
        if (fieldOfColumn.length != rules.length) {
            throw new IllegalArgumentException("the layout maps " + fieldOfColumn.length + " columns, the dataset declares " + rules.length);
        }
    }

    /** The schema of {@link #outcome} rows: the leading outcome columns, then the declared columns typed. */
    static StructType outcomeSchema(DatasetDeclaration dataset) {
        StructType schema = new StructType()
                .add(KIND, DataTypes.StringType, false)
                .add(LINE, DataTypes.LongType, false)
                .add(LAST_LINE, DataTypes.LongType, false)
                .add(BYTE_OFFSET, DataTypes.LongType, true)
                .add(FIELD, DataTypes.StringType, true)
                .add(REASON, DataTypes.StringType, true)
                .add(RAW_RECORD, DataTypes.StringType, true)
                .add(FORMULA_FIELDS, DataTypes.StringType, true);
        for (ColumnDeclaration column : dataset.columns()) {
            schema = schema.add(column.name(), sparkType(column.type()), true);
        }
        return schema;
    }

    private static DataType sparkType(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    /** The record as an outcome row. */
    Row outcome(DeliveryRecord record) {
        Object[] row = new Object[LEADING_COLUMNS + rules.length];
        row[1] = record.line();
        row[2] = record.lastLine();
        switch (record.kind()) {
            case BLANK -> row[0] = BLANK;
            case QUOTE_OPEN_AT_LINE_END -> {
                row[0] = QUOTE_OPEN;
                row[3] = record.byteOffset();
                row[6] = record.rawRecord();
            }
            case FIELDS, UNREADABLE -> {
                Object[] values = new Object[rules.length];
                List<String> formulaFields = new ArrayList<>(0);
                Optional<RejectedRow> rejection = parseInto(values, formulaFields, record);
                if (rejection.isPresent()) {
                    row[0] = QUARANTINED;
                    row[4] = rejection.get().field().orElse(null);
                    row[5] = rejection.get().reason();
                    row[6] = record.rawRecord();
                } else {
                    row[0] = ACCEPTED;
                    if (!formulaFields.isEmpty()) {
                        row[7] = String.join(",", formulaFields);
                    }
                    System.arraycopy(values, 0, row, LEADING_COLUMNS, values.length);
                }
            }
        }
        return RowFactory.create(row);
    }

    /**
     * Fills {@code values} in declared column order and names in {@code formulaFields} the columns whose text
     * looked like a formula, or says why the record is rejected.
     */
    Optional<RejectedRow> parseInto(Object[] values, List<String> formulaFields, DeliveryRecord record) {
        Optional<String> unreadable = record.unreadableReason();
        if (unreadable.isPresent()) {
            return Optional.of(new RejectedRow(record.line(), Optional.empty(), unreadable.get(), record.rawRecord()));
        }
        if (!fitsHeader(record)) {
            return Optional.of(new RejectedRow(record.line(), Optional.empty(),
                    "wrong column count: expected " + width + ", got " + record.fieldCount(), record.rawRecord()));
        }
        for (int column = 0; column < rules.length; column++) {
            ColumnRule rule = rules[column];
            String text = fieldOfColumn[column] < 0 ? "" : record.field(fieldOfColumn[column]);
            String stripped = text.strip();
            if (stripped.isEmpty() || NO_VALUE.contains(stripped)) {
                if (rule.required()) {
                    return rejected(record, rule, "required value is missing");
                }
                continue;
            }
            Object value;
            try {
                value = read(rule, text, stripped);
            } catch (FieldParseException e) {
                return rejected(record, rule, e.getMessage());
            }
            Optional<String> violation = rule.violation(value);
            if (violation.isEmpty()) {
                violation = implausible(value);
            }
            if (violation.isPresent()) {
                return rejected(record, rule, violation.get());
            }
            if (value instanceof String textValue && (SpreadsheetCell.startsLikeFormula(text) || SpreadsheetCell.startsLikeFormula(textValue))) {
                formulaFields.add(rule.name());
                value = SpreadsheetCell.inert(textValue);
            }
            values[column] = value;
        }
        return Optional.empty();
    }

    private Object read(ColumnRule rule, String text, String stripped) throws FieldParseException {
        if (rule.type() == ColumnType.STRING) {
            // A code is the same code in full-width or half-width letters and digits (１ and 1, ＡＢ and AB).
            if (rule.hasCodeList()) {
                return rule.asListed(FieldParser.normalized(stripped));
            }
            return stripped;
        }
        return fields.parse(rule.type(), text);
    }

    private Optional<String> implausible(Object value) {
        if (value instanceof LocalDate date) {
            return plausible.violation(date);
        }
        if (value instanceof Instant instant) {
            return plausible.violation(instant);
        }
        return Optional.empty();
    }

    /** As many fields as the header, or more when the surplus is empty (spreadsheets pad rows with separators). */
    private boolean fitsHeader(DeliveryRecord record) {
        if (record.fieldCount() < width) {
            return false;
        }
        for (int field = width; field < record.fieldCount(); field++) {
            if (!record.field(field).isBlank()) {
                return false;
            }
        }
        return true;
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
