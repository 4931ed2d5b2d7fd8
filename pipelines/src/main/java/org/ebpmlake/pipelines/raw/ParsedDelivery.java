package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A delivery read and checked but not yet written: its outcome rows ({@link RowParser#outcomeSchema}), the
 * counts, where its lines went and its header's layout. Holds the parse in memory until closed.
 *
 * @param formulaCells rows with at least one cell that looked like a spreadsheet formula and was stored inert
 */
record ParsedDelivery(Dataset<Row> outcomes, ExecutorRows kept, HeaderLayout layout, String charset, long accepted,
        long quarantined, long formulaCells, LineAccount lines) implements AutoCloseable {

    ParsedDelivery {
        requireNonNull(outcomes, "outcomes is null");
        requireNonNull(kept, "kept is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(charset, "charset is null");
        requireNonNull(lines, "lines is null");
    }

    long read() {
        return accepted + quarantined;
    }

    Dataset<Row> acceptedRows() {
        return outcomes.where(col(RowParser.KIND).equalTo(RowParser.ACCEPTED));
    }

    Dataset<Row> quarantinedRows() {
        return outcomes.where(col(RowParser.KIND).equalTo(RowParser.QUARANTINED));
    }

    @Override
    public void close() {
        kept.release();
    }
}
