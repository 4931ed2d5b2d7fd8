package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads a delivered CSV against its dataset declaration. Headers are matched to columns by name or by the
 * declared source header (指標ID); a file whose header lacks a declared column, or has an unknown one, is
 * refused whole, naming the file and the header. Rows with the wrong number of fields, a missing required
 * value or a value that is not of the column's type are rejected with their line and field.
 */
final class DeliveryParser {
    private final FieldParser fields = new FieldParser();

    ParsedDelivery parse(DatasetDeclaration dataset, String fileName, String text) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(fileName, "fileName is null");
        requireNonNull(text, "text is null");
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new IllegalArgumentException(fileName + ": the file is empty (no header line)");
            }
            int[] columnOfField = mapHeader(dataset, fileName, records.next());
            List<ParsedDelivery.AcceptedRow> accepted = new ArrayList<>();
            List<RejectedRow> rejected = new ArrayList<>();
            long read = 0;
            long previousEnd = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException broken) {
                    // Broken quoting makes the rest of the file unreadable as CSV: the remainder is one rejected row.
                    read++;
                    rejected.add(new RejectedRow(previousEnd + 1, Optional.empty(),
                            "broken quoting: the rest of the file cannot be read as CSV", ""));
                    break;
                }
                read++;
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                Object[] values = new Object[dataset.columns().size()];
                Optional<RejectedRow> rejection = parseInto(values, dataset, columnOfField, record, line);
                if (rejection.isPresent()) {
                    rejected.add(rejection.get());
                } else {
                    accepted.add(new ParsedDelivery.AcceptedRow(line, values));
                }
            }
            return new ParsedDelivery(accepted, rejected, read);
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": cannot read as CSV", e);
        }
    }

    /** Fills {@code values} in declared column order, or says why the row is rejected. */
    private Optional<RejectedRow> parseInto(Object[] values, DatasetDeclaration dataset, int[] columnOfField,
            CSVRecord record, long line) {
        String rawRecord = String.join(",", record.values());
        if (record.size() != columnOfField.length) {
            return Optional.of(new RejectedRow(line, Optional.empty(),
                    "wrong column count: expected " + columnOfField.length + ", got " + record.size(), rawRecord));
        }
        for (int field = 0; field < columnOfField.length; field++) {
            ColumnDeclaration column = dataset.columns().get(columnOfField[field]);
            String text = record.get(field);
            if (text.isBlank()) {
                if (column.required()) {
                    return Optional.of(new RejectedRow(line, Optional.of(column.name()),
                            column.header() + ": required value is missing", rawRecord));
                }
                continue;
            }
            try {
                values[columnOfField[field]] = fields.parse(column.type(), text);
            } catch (FieldParseException e) {
                return Optional.of(new RejectedRow(line, Optional.of(column.name()),
                        column.header() + ": " + e.getMessage(), rawRecord));
            }
        }
        return Optional.empty();
    }

    private static int[] mapHeader(DatasetDeclaration dataset, String fileName, CSVRecord header) {
        Map<String, Integer> columnByHeader = new HashMap<>();
        for (int index = 0; index < dataset.columns().size(); index++) {
            ColumnDeclaration column = dataset.columns().get(index);
            columnByHeader.put(column.name(), index);
            columnByHeader.put(column.header(), index);
        }
        int[] columnOfField = new int[header.size()];
        boolean[] seen = new boolean[dataset.columns().size()];
        for (int field = 0; field < header.size(); field++) {
            String name = header.get(field).strip().replace("\uFEFF", "");
            Integer column = columnByHeader.get(name);
            if (column == null) {
                throw new IllegalArgumentException(fileName + " line 1: header '" + name + "' is not a column of dataset "
                        + dataset.name());
            }
            if (seen[column]) {
                throw new IllegalArgumentException(fileName + " line 1: header '" + name + "' appears twice");
            }
            seen[column] = true;
            columnOfField[field] = column;
        }
        for (int index = 0; index < seen.length; index++) {
            if (!seen[index]) {
                ColumnDeclaration missing = dataset.columns().get(index);
                throw new IllegalArgumentException(fileName + " line 1: column '" + missing.header()
                        + "' of dataset " + dataset.name() + " is missing from the header");
            }
        }
        return columnOfField;
    }
}
