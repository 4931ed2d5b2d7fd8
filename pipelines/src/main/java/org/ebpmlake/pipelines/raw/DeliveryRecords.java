package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import org.apache.spark.api.java.JavaRDD;

/**
 * The records a reader found in one delivery, as a Spark dataset (a large file is never collected on the
 * driver), with the mapping of their fields to declared columns and the encoding the file was read in.
 */
record DeliveryRecords(JavaRDD<DeliveryRecord> records, int[] columnOfField, String charset) {
    DeliveryRecords {
        requireNonNull(records, "records is null");
        columnOfField = requireNonNull(columnOfField, "columnOfField is null").clone();
        requireNonNull(charset, "charset is null");
    }
}
