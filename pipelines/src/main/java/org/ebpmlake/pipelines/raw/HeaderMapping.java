package org.ebpmlake.pipelines.raw;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Matches a delivery's header to the declared columns, by name or by declared source header (指標ID), in
 * any order. A header that lacks a declared column or names an unknown one refuses the whole file, naming
 * the file and the header: such a file was made for another dataset or by hand, and no row of it can be
 * trusted to mean what the declaration says.
 */
final class HeaderMapping {
    private HeaderMapping() {
    }

    /** For each field of the header, the index of its declared column. */
    static int[] columnOfField(DatasetDeclaration dataset, String fileName, List<String> header) {
        Map<String, Integer> columnByHeader = new HashMap<>();
        for (int index = 0; index < dataset.columns().size(); index++) {
            ColumnDeclaration column = dataset.columns().get(index);
            columnByHeader.put(column.name(), index);
            columnByHeader.put(column.header(), index);
        }
        int[] columnOfField = new int[header.size()];
        boolean[] seen = new boolean[dataset.columns().size()];
        for (int field = 0; field < header.size(); field++) {
            String name = header.get(field).strip().replace("\uFEFF", "");
            Integer column = columnByHeader.get(name);
            if (column == null) {
                throw new LakeException(ErrorCategory.INVALID_FILE, fileName + " line 1: header '" + name + "' is not a column of dataset "
                        + dataset.name());
            }
            if (seen[column]) {
                throw new LakeException(ErrorCategory.INVALID_FILE, fileName + " line 1: header '" + name + "' appears twice");
            }
            seen[column] = true;
            columnOfField[field] = column;
        }
        for (int index = 0; index < seen.length; index++) {
            if (!seen[index]) {
                ColumnDeclaration missing = dataset.columns().get(index);
                throw new LakeException(ErrorCategory.INVALID_FILE, fileName + " line 1: column '" + missing.header()
                        + "' of dataset " + dataset.name() + " is missing from the header");
            }
        }
        return columnOfField;
    }

    /** The mapping of a reader that already delivers fields in declared column order. */
    static int[] declaredOrder(DatasetDeclaration dataset) {
        int[] identity = new int[dataset.columns().size()];
        for (int index = 0; index < identity.length; index++) {
            identity[index] = index;
        }
        return identity;
    }
}
