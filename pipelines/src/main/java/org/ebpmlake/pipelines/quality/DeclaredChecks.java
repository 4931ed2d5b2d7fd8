package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.ebpmlake.pipelines.quality.DeclaredCheck.MeasuredRows;
import org.ebpmlake.reference.CodeList;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.CompletenessThreshold;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.schemas.QualityLevel;
import org.ebpmlake.schemas.ReferenceCheck;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.immutable.List$;

/**
 * Derives the Deequ checks of one delivered batch from the dataset's declaration alone. They run on every row
 * the batch delivered ({@link BatchRows}): the share ingest quarantined against the declared tolerance, then,
 * on the accepted rows, completeness of required columns, uniqueness of the key, declared ranges and code
 * lists (all error level), and the optional {@code quality:} section's completeness thresholds and references
 * at their declared level.
 */
final class DeclaredChecks {
    private DeclaredChecks() {
    }

    static List<DeclaredCheck> of(DatasetDeclaration dataset, QuarantineReport quarantine) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(quarantine, "quarantine is null");
        List<DeclaredCheck> checks = new ArrayList<>();
        String tolerated = "quarantined(share <= " + dataset.qualityChecks().tolerance() + ")";
        checks.add(new DeclaredCheck(tolerated, QualityLevel.ERROR, MeasuredRows.READ,
                DeclaredCheck.empty(QualityLevel.ERROR, tolerated).satisfies(BatchRows.ACCEPTED, tolerated,
                        new ShareAtLeast(1 - dataset.qualityChecks().tolerance()), Option.empty(), List$.MODULE$.empty(),
                        Option.empty()),
                (share, rows) -> quarantine.tooMany()));
        for (ColumnDeclaration column : dataset.columns()) {
            String label = label(column);
            if (column.required()) {
                String name = "complete(" + column.name() + ")";
                checks.add(new DeclaredCheck(name, QualityLevel.ERROR, MeasuredRows.ACCEPTED,
                        DeclaredCheck.empty(QualityLevel.ERROR, name).isComplete(column.name(), Option.empty(), Option.empty())
                                .where(BatchRows.ACCEPTED),
                        (share, rows) -> new LocalizedText(
                                String.format("必須項目 %s が空の行が %,d 行あります", label, FindingWording.rowsOutside(share, rows)),
                                String.format("%,d rows lack the required %s", FindingWording.rowsOutside(share, rows), column.name()))));
            }
            column.range().ifPresent(range -> {
                String name = "range(" + column.name() + " " + range.min() + ".." + range.max() + ")";
                checks.add(new DeclaredCheck(name, QualityLevel.ERROR, MeasuredRows.ACCEPTED,
                        DeclaredCheck.empty(QualityLevel.ERROR, name).isContainedIn(column.name(), range.min(), range.max(),
                                true, true, Option.empty(), Option.empty()).where(BatchRows.ACCEPTED),
                        (share, rows) -> new LocalizedText(
                                String.format("%s が %s〜%s の範囲外の行が %,d 行あります", label, number(range.min()),
                                        number(range.max()), FindingWording.rowsOutside(share, rows)),
                                String.format("%,d rows have %s outside %s..%s", FindingWording.rowsOutside(share, rows),
                                        column.name(), number(range.min()), number(range.max())))));
            });
            column.codes().ifPresent(codes -> {
                String name = "codes(" + column.name() + " in " + codes + ")";
                String[] allowed = CodeList.load(codes).codes().stream().sorted().toArray(String[]::new);
                checks.add(new DeclaredCheck(name, QualityLevel.ERROR, MeasuredRows.ACCEPTED,
                        DeclaredCheck.empty(QualityLevel.ERROR, name).isContainedIn(column.name(), allowed).where(BatchRows.ACCEPTED),
                        (share, rows) -> new LocalizedText(
                                String.format("%s にコード表「%s」にない値の行が %,d 行あります", label, codes,
                                        FindingWording.rowsOutside(share, rows)),
                                String.format("%,d rows have a %s not in the code list %s", FindingWording.rowsOutside(share, rows),
                                        column.name(), codes))));
            });
        }
        if (!dataset.key().isEmpty()) {
            String keys = String.join(", ", dataset.key());
            String name = "unique(" + keys + ")";
            checks.add(new DeclaredCheck(name, QualityLevel.ERROR, MeasuredRows.ACCEPTED,
                    DeclaredCheck.empty(QualityLevel.ERROR, name).hasUniqueness(
                            JavaConverters.asScalaBuffer(dataset.key()).toSeq(), new ShareAtLeast(1.0)).where(BatchRows.ACCEPTED),
                    (share, rows) -> new LocalizedText(
                            String.format("キー（%s）が同じ行がこのバッチに %,d 行あります", keys, FindingWording.rowsOutside(share, rows)),
                            String.format("%,d rows of this batch share a key (%s) with another", FindingWording.rowsOutside(share, rows),
                                    keys))));
        }
        for (CompletenessThreshold threshold : dataset.qualityChecks().completeness()) {
            String name = "completeness(" + threshold.column() + " >= " + threshold.min() + ")";
            String label = dataset.column(threshold.column()).map(DeclaredChecks::label).orElse(threshold.column());
            checks.add(new DeclaredCheck(name, threshold.level(), MeasuredRows.ACCEPTED,
                    DeclaredCheck.empty(threshold.level(), name).hasCompleteness(threshold.column(),
                            new ShareAtLeast(threshold.min()), Option.empty(), Option.empty()).where(BatchRows.ACCEPTED),
                    (share, rows) -> new LocalizedText(
                            String.format("%s の記入率が %s で、基準の %s を下回っています", label, QuarantineReport.percent(share),
                                    QuarantineReport.percent(threshold.min())),
                            String.format("%s is filled in %s of rows, under the %s required", threshold.column(),
                                    QuarantineReport.percent(share), QuarantineReport.percent(threshold.min())))));
        }
        for (ReferenceCheck reference : dataset.qualityChecks().references()) {
            String name = "reference(" + reference.column() + " -> " + reference.dataset() + ")";
            String label = dataset.column(reference.column()).map(DeclaredChecks::label).orElse(reference.column());
            String condition = "`" + BatchRows.referenceOutcome(reference) + "` OR `" + reference.column() + "` IS NULL";
            checks.add(new DeclaredCheck(name, reference.level(), MeasuredRows.ACCEPTED,
                    DeclaredCheck.empty(reference.level(), name).satisfies(condition, name, new ShareAtLeast(1.0),
                            Option.empty(), List$.MODULE$.empty(), Option.empty()).where(BatchRows.ACCEPTED),
                    (share, rows) -> new LocalizedText(
                            String.format("%s が %s（昇格済み）にない値を指す行が %,d 行あります", label, reference.dataset(),
                                    FindingWording.rowsOutside(share, rows)),
                            String.format("%,d rows have a %s that %s (as promoted) does not hold",
                                    FindingWording.rowsOutside(share, rows), reference.column(), reference.dataset()))));
        }
        return List.copyOf(checks);
    }

    /** A column as a steward knows it: its Japanese name without the explanation in brackets, then its name. */
    static String label(ColumnDeclaration column) {
        String japanese = column.description().ja();
        int explanation = japanese.indexOf('（');
        if (explanation > 0) {
            japanese = japanese.substring(0, explanation);
        }
        return japanese + "（" + column.name() + "）";
    }

    private static String number(double value) {
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        return String.valueOf(value);
    }
}
