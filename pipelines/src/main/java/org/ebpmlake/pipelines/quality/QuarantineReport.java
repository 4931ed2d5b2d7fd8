package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ebpmlake.schemas.LocalizedText;

/**
 * What ingest quarantined of one batch: how many of its rows, of which file, and why, most frequent reason first
 * (ingest's reasons name the field and what was wrong, never the value).
 */
record QuarantineReport(String sourceFile, long rowsRead, long rowsQuarantined, double tolerance, List<Reason> reasons) {
    private static final int REASONS_SHOWN = 5;

    /** One reason ingest gave, and on how many rows. */
    record Reason(String field, String text, long rows) {
        Reason {
            requireNonNull(field, "field is null");
            requireNonNull(text, "text is null");
        }
    }

    QuarantineReport {
        requireNonNull(sourceFile, "sourceFile is null");
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    }

    LocalizedText tooMany() {
        String share = percent((double) rowsQuarantined / Math.max(1, rowsRead));
        String allowed = percent(tolerance);
        return new LocalizedText(
                String.format("取込時に隔離された行が許容範囲を超えています：%s の %,d 行中 %,d 行（%s、許容 %s）。内訳：%s",
                        sourceFile, rowsRead, rowsQuarantined, share, allowed, reasonList("、", "行")),
                String.format("too many rows quarantined at ingest: %,d of %,d rows of %s (%s, tolerance %s): %s",
                        rowsQuarantined, rowsRead, sourceFile, share, allowed, reasonList("; ", "rows")));
    }

    private String reasonList(String separator, String unit) {
        String listed = reasons.stream().limit(REASONS_SHOWN)
                .map(reason -> reason.text() + " " + String.format("%,d", reason.rows()) + " " + unit)
                .collect(Collectors.joining(separator));
        if (reasons.size() > REASONS_SHOWN) {
            listed = listed + separator + "+" + (reasons.size() - REASONS_SHOWN);
        }
        return listed;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
