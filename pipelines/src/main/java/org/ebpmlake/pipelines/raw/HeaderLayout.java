package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Where a delivery's header ends and which of its fields holds which declared column.
 *
 * @param headerLines the physical lines before the data: title rows, the header (one or two rows) and a units
 *     row, if any; 0 when the format has no header row (JSON lines, Parquet)
 * @param width how many fields the header has, extra columns included
 * @param fieldOfColumn for each declared column, the index of its field, or -1 when the file lacks it (an
 *     optional column, read as empty)
 * @param extraHeaders the headers of fields no declared column claims: ignored, and reported as a warning
 * @param missingOptional the headers of optional columns the file lacks
 */
record HeaderLayout(long headerLines, int width, int[] fieldOfColumn, List<String> extraHeaders,
        List<String> missingOptional) implements Serializable {

    HeaderLayout {
        if (headerLines < 0) {
            throw new IllegalArgumentException("headerLines is negative: " + headerLines);
        }
        fieldOfColumn = requireNonNull(fieldOfColumn, "fieldOfColumn is null").clone();
        extraHeaders = List.copyOf(requireNonNull(extraHeaders, "extraHeaders is null"));
        missingOptional = List.copyOf(requireNonNull(missingOptional, "missingOptional is null"));
    }

    /** The layout of a reader that already delivers one field per declared column, in declared order. */
    static HeaderLayout declaredOrder(DatasetDeclaration dataset) {
        int[] identity = new int[dataset.columns().size()];
        Arrays.setAll(identity, index -> index);
        return new HeaderLayout(0, identity.length, identity, List.of(), List.of());
    }

    @Override
    public int[] fieldOfColumn() {
        return fieldOfColumn.clone();
    }
}
