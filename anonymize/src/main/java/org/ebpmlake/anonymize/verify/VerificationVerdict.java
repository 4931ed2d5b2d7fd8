package org.ebpmlake.anonymize.verify;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the independent verifier found in a released table.
 *
 * @param classes equivalence classes of released (not suppressed) records
 * @param smallestClass the smallest of them, 0 when none
 * @param suppressedRecords records released with {@code *} in every quasi-identifier, where the transformation
 *     alone would not give that
 * @param violations what is wrong, empty when the table meets its claims
 */
public record VerificationVerdict(long classes, long smallestClass, long suppressedRecords, List<Long> classSizes,
        List<String> violations) {
    public VerificationVerdict {
        requireNonNull(classSizes, "classSizes is null");
        requireNonNull(violations, "violations is null");
        classSizes = List.copyOf(classSizes);
        violations = List.copyOf(violations);
    }

    public boolean satisfied() {
        return violations.isEmpty();
    }
}
