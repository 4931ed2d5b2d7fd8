package org.ebpmlake.pipelines.deid;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.hierarchy.HierarchyCsv;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.pipelines.raw.DeliveredText;

/**
 * An ARX hierarchy file as a steward or ARX wrote it: UTF-8 (with or without a byte order mark) or CP932, the
 * encoding Excel saves Japanese CSV in, decoded as deliveries are; a file that is neither, or not a hierarchy, is
 * refused in one line naming it.
 */
public final class ArxHierarchyFile {
    private ArxHierarchyFile() {
    }

    public static Hierarchy read(Path file) {
        requireNonNull(file, "file is null");
        try {
            return HierarchyCsv.parse(DeliveredText.read(file).text(), file.toString());
        } catch (IllegalArgumentException e) {
            throw new LakeException(ErrorCategory.INVALID_FILE, "階層ファイルが読めません / not an ARX hierarchy: " + e.getMessage(), e);
        }
    }
}
