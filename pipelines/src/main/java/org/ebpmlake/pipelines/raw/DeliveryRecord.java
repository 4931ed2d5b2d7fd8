package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Optional;

/**
 * One record of a delivery as its reader found it, before any value is interpreted: its line (or row)
 * number, its fields as text in the file's order, and the record as delivered. A record the reader could
 * not split into fields (broken quoting, a line that is not JSON, bytes not in the file's encoding) carries
 * the reason instead of fields, so it is quarantined rather than lost.
 */
final class DeliveryRecord implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String[] NO_FIELDS = new String[0];

    private final long line;
    private final String[] fields;
    private final String rawRecord;
    private final String unreadableReason;

    private DeliveryRecord(long line, String[] fields, String rawRecord, String unreadableReason) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
        this.line = line;
        this.fields = fields;
        this.rawRecord = requireNonNull(rawRecord, "rawRecord is null");
        this.unreadableReason = unreadableReason;
    }

    static DeliveryRecord of(long line, String[] fields, String rawRecord) {
        return new DeliveryRecord(line, requireNonNull(fields, "fields is null").clone(), rawRecord, null);
    }

    static DeliveryRecord unreadable(long line, String rawRecord, String reason) {
        return new DeliveryRecord(line, NO_FIELDS, rawRecord, requireNonNull(reason, "reason is null"));
    }

    long line() {
        return line;
    }

    int fieldCount() {
        return fields.length;
    }

    /** The text of a field; null never, an empty string for an empty or absent field. */
    String field(int index) {
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
