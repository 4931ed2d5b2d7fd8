package org.ebpmlake.anonymize.verify;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.encoding.IdentityCodeMemo;
import org.ebpmlake.anonymize.hierarchy.Hierarchy;
import org.ebpmlake.anonymize.search.QuasiIdentifier;
import org.ebpmlake.anonymize.search.Table;
import org.ebpmlake.anonymize.search.Transformation;

/**
 * Checks released rows, one at a time, against the transformation applied to their input rows. Each input value is
 * looked up once, in the verifier's own reading of its hierarchy, and gives both the text the transformation
 * releases and the code of that text among the level's values, so the rows released as transformed are numbered into
 * classes on the way. A row is suppressed when all its quasi-identifiers are {@code *} where the transformation alone
 * would not give that. The work of one row is a method of its own: a small method is compiled quickly, which counts
 * on a two-core machine where the compiler shares the cores with the check.
 */
final class TransformationCheck {
    private final List<QuasiIdentifier> quasiIdentifiers;
    private final List<String[]> inputRows;
    private final Table output;
    private final int[] inputColumns;
    private final int[] outputColumns;
    private final IdentityCodeMemo[] leafCodes;
    private final String[][] releasedOfLeaf;
    private final int[][] classCodeOfLeaf;
    private final ClassNumbering numbering;
    private final boolean[] suppressedRows;
    private final int[] leaves;
    private final String[] released;

    /** @param outputColumns the quasi-identifiers' columns in the released rows */
    TransformationCheck(List<QuasiIdentifier> quasiIdentifiers, Transformation transformation, Table input,
            Table output, int[] outputColumns) {
        this.quasiIdentifiers = List.copyOf(requireNonNull(quasiIdentifiers, "quasiIdentifiers is null"));
        requireNonNull(transformation, "transformation is null");
        this.inputRows = requireNonNull(input, "input is null").rows();
        this.output = requireNonNull(output, "output is null");
        this.outputColumns = outputColumns.clone();
        int dimensions = this.quasiIdentifiers.size();
        this.inputColumns = new int[dimensions];
        this.leafCodes = new IdentityCodeMemo[dimensions];
        this.releasedOfLeaf = new String[dimensions][];
        this.classCodeOfLeaf = new int[dimensions][];
        int[] classCodes = new int[dimensions];
        for (int index = 0; index < dimensions; index++) {
            QuasiIdentifier quasiIdentifier = this.quasiIdentifiers.get(index);
            inputColumns[index] = input.columnIndex(quasiIdentifier.column());
            int level = transformation.levelByAttribute().get(quasiIdentifier.column());
            List<List<String>> hierarchyRows = quasiIdentifier.hierarchy().rows();
            Map<String, Integer> leafOfValue = new HashMap<>();
            Map<String, Integer> codeOfReleased = new HashMap<>();
            releasedOfLeaf[index] = new String[hierarchyRows.size()];
            classCodeOfLeaf[index] = new int[hierarchyRows.size()];
            for (int leaf = 0; leaf < hierarchyRows.size(); leaf++) {
                leafOfValue.put(hierarchyRows.get(leaf).get(0), leaf);
                String releasedValue = hierarchyRows.get(leaf).get(level);
                releasedOfLeaf[index][leaf] = releasedValue;
                classCodeOfLeaf[index][leaf] =
                        codeOfReleased.computeIfAbsent(releasedValue, ignored -> codeOfReleased.size());
            }
            leafCodes[index] = new IdentityCodeMemo(value -> leafOfValue.getOrDefault(value, -1));
            classCodes[index] = codeOfReleased.size();
        }
        this.numbering = ClassNumbering.forSizes(output.rows().size(), classCodes);
        this.suppressedRows = new boolean[output.rows().size()];
        this.leaves = new int[dimensions];
        this.released = new String[dimensions];
    }

    /**
     * Checks one row: whether it is suppressed or each released value is the transformation's. A value that is not
     * is added to the violations, while they number fewer than {@code shown}.
     *
     * @return false when a released value is not the transformation's
     */
    boolean check(int row, List<String> violations, int shown) {
        String[] original = inputRows.get(row);
        boolean allStars = true;
        boolean transformedAllStars = true;
        for (int index = 0; index < leaves.length; index++) {
            int leaf = leafCodes[index].code(original[inputColumns[index]]);
            leaves[index] = leaf;
            released[index] = output.cell(row, outputColumns[index]);
            allStars &= Hierarchy.SUPPRESSED.equals(released[index]);
            transformedAllStars &= leaf >= 0 && Hierarchy.SUPPRESSED.equals(releasedOfLeaf[index][leaf]);
        }
        if (allStars && !transformedAllStars) {
            suppressedRows[row] = true;
            numbering.suppress(row);
            return true;
        }
        boolean asTransformed = true;
        int[] probe = numbering.probe();
        for (int index = 0; index < leaves.length; index++) {
            String transformed = leaves[index] < 0 ? null : releasedOfLeaf[index][leaves[index]];
            if (released[index].equals(transformed)) {
                probe[index] = classCodeOfLeaf[index][leaves[index]];
            } else {
                asTransformed = false;
                if (violations.size() < shown) {
                    violations.add("row " + (row + 1) + ": " + quasiIdentifiers.get(index).column() + " is '"
                            + released[index] + "', the transformation gives '" + transformed + "'");
                }
            }
        }
        if (asTransformed) {
            numbering.number(row);
        }
        return asTransformed;
    }

    /** Which rows were suppressed, of those checked. */
    boolean[] suppressedRows() {
        return suppressedRows;
    }

    /**
     * The classes of the rows checked, numbered by the transformation's values: the classes by released text when
     * every row was released as transformed.
     */
    RowClasses classes() {
        return numbering.classes();
    }
}
