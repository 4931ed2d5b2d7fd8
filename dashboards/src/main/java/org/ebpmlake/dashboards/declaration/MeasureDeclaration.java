package org.ebpmlake.dashboards.declaration;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.ebpmlake.schemas.LocalizedText;

/**
 * A measure of a chart: a numeric column, its labels and unit, how it is aggregated, and the boolean column that says
 * its cell is suppressed (秘匿) when the source publishes suppressed cells: such a cell is never shown as a number.
 */
public record MeasureDeclaration(
        @JsonProperty("column") String column,
        @JsonProperty("label") LocalizedText label,
        @JsonProperty("unit") String unit,
        @JsonProperty("aggregate") Optional<Aggregate> aggregate,
        @JsonProperty("suppressed_flag") Optional<String> suppressedFlag) {
    public MeasureDeclaration {
        requireNonNull(column, "column is null");
        if (!column.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a measure is a column in lower snake case: '" + column + "'");
        }
        requireNonNull(label, "label is null for measure " + column);
        unit = unit == null ? "" : unit;
        aggregate = requireNonNull(aggregate, "aggregate is null");
        suppressedFlag = requireNonNull(suppressedFlag, "suppressedFlag is null");
        if (suppressedFlag.isPresent() && aggregate.filter(found -> found != Aggregate.NONE).isPresent()) {
            throw new IllegalArgumentException("measure " + column + " cannot aggregate cells that may be suppressed");
        }
    }

    public Aggregate aggregation() {
        return aggregate.orElse(Aggregate.NONE);
    }
}
