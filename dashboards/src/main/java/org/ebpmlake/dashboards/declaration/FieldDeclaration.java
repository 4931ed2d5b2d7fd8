package org.ebpmlake.dashboards.declaration;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;
import org.ebpmlake.schemas.LocalizedText;

/**
 * A dimension or filter of a chart: a column of the chart's source, or a portable SQL expression over its columns
 * (CASE, CAST, comparisons, {@code hour(...)}: what Spark SQL and Trino both read) named {@code column}. A filter may
 * show other columns as its options' labels ({@code labelColumns}, Japanese and English) and start at {@code initial};
 * {@code valueLabels} names and orders the values a field can take (before and after; grade 7 as 中1); a filter with
 * {@code all} also offers every value at once, and starts there unless it declares {@code initial}.
 */
public record FieldDeclaration(
        @JsonProperty("column") String column,
        @JsonProperty("expression") Optional<String> expression,
        @JsonProperty("label") LocalizedText label,
        @JsonProperty("label_columns") Optional<LocalizedText> labelColumns,
        @JsonProperty("initial") Optional<String> initial,
        @JsonProperty("value_labels") Map<String, LocalizedText> valueLabels,
        @JsonProperty("all") boolean all) {
    public FieldDeclaration {
        requireNonNull(column, "column is null");
        if (!column.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a chart field is named in lower snake case: '" + column + "'");
        }
        expression = requireNonNull(expression, "expression is null");
        requireNonNull(label, "label is null for field " + column);
        labelColumns = requireNonNull(labelColumns, "labelColumns is null");
        initial = requireNonNull(initial, "initial is null");
        // Kept in declared order: the order values are shown in (before, after; grade 1 to 9).
        valueLabels = valueLabels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valueLabels));
        expression.ifPresent(FieldDeclaration::checkPortable);
    }

    /** The SQL that yields the field: the column, or the expression. */
    public String sql() {
        return expression.orElse(column);
    }

    /** Expressions are read by two engines and never carry a statement of their own. */
    static void checkPortable(String expression) {
        if (expression.contains(";") || expression.contains("--") || expression.contains("/*")) {
            throw new IllegalArgumentException("a declared expression is one SQL expression, without ; or comments: " + expression);
        }
    }
}
