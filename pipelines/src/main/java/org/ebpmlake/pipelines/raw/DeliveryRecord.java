package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Optional;

/**
 * One record of a delivery as its reader found it, before any value is interpreted: the physical lines (or
 * sheet rows) it spans, its fields as text in the file's order, and the record as delivered. Every physical
 * line after the header belongs to exactly one record, so lines can be accounted for: besides records with
 * fields there are
 * <ul>
 *   <li>unreadable records (a line that is not JSON, bytes not in the file's encoding), quarantined with the
 *       reason;</li>
 *   <li>blank lines (nothing, or only separators), which hold no row;</li>
 *   <li>a line where a quoted field stays open at the line's end: its record continues on later lines, or the
 *       quoting is broken. Readers that split a file in parallel cannot tell which on their own, so they hand
 *       such a line on with its byte offset, and the file's reader settles it ({@link QuotedRecords}).</li>
 * </ul>
 */
final class DeliveryRecord implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final String[] NO_FIELDS = new String[0];

    enum Kind {
        FIELDS,
        UNREADABLE,
        BLANK,
        QUOTE_OPEN_AT_LINE_END
    }

    private final Kind kind;
    private final long line;
    private final long lastLine;
    private final long byteOffset;
    private final String[] fields;
    private final String rawRecord;
    private final String unreadableReason;

    private DeliveryRecord(Kind kind, long line, long lastLine, long byteOffset, String[] fields, String rawRecord,
            String unreadableReason) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        if (lastLine < line) {
            throw new IllegalArgumentException("a record ends before it starts: lines " + line + " to " + lastLine);
        }
        this.kind = requireNonNull(kind, "kind is null");
        this.line = line;
        this.lastLine = lastLine;
        this.byteOffset = byteOffset;
        this.fields = fields;
        this.rawRecord = requireNonNull(rawRecord, "rawRecord is null");
        this.unreadableReason = unreadableReason;
    }

    /** A record on one physical line. */
    static DeliveryRecord of(long line, String[] fields, String rawRecord) {
        return spanning(line, line, fields, rawRecord);
    }

    /** A record whose quoted fields hold line breaks, so it spans several physical lines. */
    static DeliveryRecord spanning(long line, long lastLine, String[] fields, String rawRecord) {
        return new DeliveryRecord(Kind.FIELDS, line, lastLine, -1, requireNonNull(fields, "fields is null").clone(),
                rawRecord, null);
    }

    static DeliveryRecord unreadable(long line, String rawRecord, String reason) {
        return new DeliveryRecord(Kind.UNREADABLE, line, line, -1, NO_FIELDS, rawRecord, requireNonNull(reason, "reason is null"));
    }

    static DeliveryRecord blank(long line) {
        return new DeliveryRecord(Kind.BLANK, line, line, -1, NO_FIELDS, "", null);
    }

    static DeliveryRecord quoteOpenAtLineEnd(long line, long byteOffset, String rawRecord) {
        if (byteOffset < 0) {
            throw new IllegalArgumentException("byte offsets start at 0, got " + byteOffset);
        }
        return new DeliveryRecord(Kind.QUOTE_OPEN_AT_LINE_END, line, line, byteOffset, NO_FIELDS, rawRecord, null);
    }

    Kind kind() {
        return kind;
    }

    long line() {
        return line;
    }

    long lastLine() {
        return lastLine;
    }

    /** Where the line starts in the file; only for {@link Kind#QUOTE_OPEN_AT_LINE_END}. */
    long byteOffset() {
        return byteOffset;
    }

    int fieldCount() {
        return fields.length;
    }

    /** The text of a field; null never, an empty string for an empty or absent field. */
    String field(int index) {
        if (index >= fields.length) {
            return "";
        }
        String value = fields[index];
        if (value == null) {
            return "";
        }
        return value;
    }

    String rawRecord() {
        return rawRecord;
    }

    Optional<String> unreadableReason() {
        return Optional.ofNullable(unreadableReason);
    }
}
