package org.ebpmlake.pipelines.mart;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Replaces each footfall cell's exact count by a noisy one, drawn exactly once per cell. Drawing twice for the
 * same cell (a recomputed partition, or the check and the write each evaluating the plan) would hand out two
 * independent noisy answers and spend the privacy budget twice, so the function is declared non-deterministic
 * and the result is checkpointed eagerly: later actions read the stored draws and never recompute them.
 */
final class FootfallNoise {
    private final CountNoise noise;

    FootfallNoise(CountNoise noise) {
        this.noise = requireNonNull(noise, "noise is null");
    }

    /** The cells with {@code column} (a non-null long count) replaced by its noisy value. */
    Dataset<Row> addTo(Dataset<Row> cells, String column) {
        requireNonNull(cells, "cells is null");
        requireNonNull(column, "column is null");
        // a local copy, so the function Spark serializes captures the noise and not this class
        CountNoise source = noise;
        UDF1<Long, Long> draw = source::addTo;
        UserDefinedFunction noisy = functions.udf(draw, DataTypes.LongType).asNondeterministic();
        return cells.withColumn(column, noisy.apply(col(column))).localCheckpoint(true);
    }
}
