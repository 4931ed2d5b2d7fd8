package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.ebpmlake.reference.CodeList;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.ColumnType;

/**
 * What a delivered value of one declared column must satisfy: its type, presence, range and code list.
 * A serialisable copy of the declaration, so Spark tasks check rows with exactly the declared rules.
 *
 * @param codes the valid codes, empty when the column declares no code list
 */
record ColumnRule(String name, String header, ColumnType type, boolean required, double min, double max,
        String codeListName, Set<String> codes) implements Serializable {

    ColumnRule {
        requireNonNull(name, "name is null");
        requireNonNull(header, "header is null");
        requireNonNull(type, "type is null");
        requireNonNull(codeListName, "codeListName is null");
        codes = Set.copyOf(requireNonNull(codes, "codes is null"));
    }

    static ColumnRule of(ColumnDeclaration column) {
        double min = column.range().map(range -> range.min()).orElse(Double.NEGATIVE_INFINITY);
        double max = column.range().map(range -> range.max()).orElse(Double.POSITIVE_INFINITY);
        Optional<CodeList> codes = column.codes().map(CodeList::load);
        return new ColumnRule(column.name(), column.header(), column.type(), column.required(), min, max,
                codes.map(CodeList::name).orElse(""), codes.map(CodeList::codes).orElse(Set.of()));
    }

    /** Why a parsed value breaks the declared range or code list, if it does. */
    Optional<String> violation(Object value) {
        if (value instanceof Number number) {
            double numeric = number.doubleValue();
            if (numeric < min || numeric > max) {
                return Optional.of("out of range [" + plain(min) + ", " + plain(max) + "]");
            }
        }
        if (!codes.isEmpty() && !codes.contains(value.toString())) {
            return Optional.of("unknown code (not in code list " + codeListName + ")");
        }
        return Optional.empty();
    }

    private static String plain(double bound) {
        if (Double.isInfinite(bound)) {
            return bound > 0 ? "∞" : "-∞";
        }
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
