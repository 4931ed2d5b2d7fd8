package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;

/**
 * The records a reader found in one delivery, as a Spark dataset (a large file is never collected on the
 * driver), with the layout of its header, the encoding it was read in and, for CSV, what settles lines whose
 * quoted field stays open at the line's end.
 */
record DeliveryRecords(JavaRDD<DeliveryRecord> records, HeaderLayout layout, String charset, Optional<QuotedRecords> quoted) {
    DeliveryRecords {
        requireNonNull(records, "records is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(charset, "charset is null");
        requireNonNull(quoted, "quoted is null");
    }
}
