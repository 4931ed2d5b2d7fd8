package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.ebpmlake.pipelines.quality.DeclaredCheck.CheckedRows;
import org.ebpmlake.reference.CodeList;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.CompletenessThreshold;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LineageColumn;
import org.ebpmlake.schemas.QualityLevel;
import org.ebpmlake.schemas.ReferenceCheck;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.immutable.List$;

/**
 * Derives a dataset's Deequ checks from its declaration alone: completeness of required columns, uniqueness of
 * the key within each delivered batch, declared ranges and code lists (all error level), then the optional
 * {@code quality:} section's completeness thresholds and references at their declared level.
 */
final class DeclaredChecks {
    private DeclaredChecks() {
    }

    static List<DeclaredCheck> of(DatasetDeclaration dataset) {
        requireNonNull(dataset, "dataset is null");
        List<DeclaredCheck> checks = new ArrayList<>();
        for (ColumnDeclaration column : dataset.columns()) {
            if (column.required()) {
                String name = "complete(" + column.name() + ")";
                checks.add(new DeclaredCheck(name, QualityLevel.ERROR, CheckedRows.CURRENT,
                        DeclaredCheck.empty(QualityLevel.ERROR, name).isComplete(column.name(), Option.empty(), Option.empty())));
            }
            column.range().ifPresent(range -> {
                String name = "range(" + column.name() + " " + range.min() + ".." + range.max() + ")";
                checks.add(new DeclaredCheck(name, QualityLevel.ERROR, CheckedRows.CURRENT,
                        DeclaredCheck.empty(QualityLevel.ERROR, name).isContainedIn(column.name(), range.min(), range.max(),
                                true, true, Option.empty(), Option.empty())));
            });
            column.codes().ifPresent(codes -> {
                String name = "codes(" + column.name() + " in " + codes + ")";
                String[] allowed = CodeList.load(codes).codes().stream().sorted().toArray(String[]::new);
                checks.add(new DeclaredCheck(name, QualityLevel.ERROR, CheckedRows.CURRENT,
                        DeclaredCheck.empty(QualityLevel.ERROR, name).isContainedIn(column.name(), allowed)));
            });
        }
        if (!dataset.key().isEmpty()) {
            List<String> keyInBatch = new ArrayList<>(dataset.key());
            keyInBatch.add(LineageColumn.BATCH_ID.columnName());
            String name = "unique(" + String.join(", ", dataset.key()) + " per batch)";
            checks.add(new DeclaredCheck(name, QualityLevel.ERROR, CheckedRows.DELIVERED,
                    DeclaredCheck.empty(QualityLevel.ERROR, name).hasUniqueness(
                            JavaConverters.asScalaBuffer(keyInBatch).toSeq(), new ShareAtLeast(1.0))));
        }
        for (CompletenessThreshold threshold : dataset.qualityChecks().completeness()) {
            String name = "completeness(" + threshold.column() + " >= " + threshold.min() + ")";
            checks.add(new DeclaredCheck(name, threshold.level(), CheckedRows.CURRENT,
                    DeclaredCheck.empty(threshold.level(), name).hasCompleteness(threshold.column(),
                            new ShareAtLeast(threshold.min()), Option.empty(), Option.empty())));
        }
        for (ReferenceCheck reference : dataset.qualityChecks().references()) {
            String name = "reference(" + reference.column() + " -> " + reference.dataset() + ")";
            String condition = reference.column() + " IS NULL OR " + ReferenceColumns.columnFor(reference) + " IS NOT NULL";
            checks.add(new DeclaredCheck(name, reference.level(), CheckedRows.CURRENT,
                    DeclaredCheck.empty(reference.level(), name).satisfies(condition, name, new ShareAtLeast(1.0),
                            Option.empty(), List$.MODULE$.empty(), Option.empty())));
        }
        return List.copyOf(checks);
    }
}
