package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ebpmlake.reference.CodeList;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.ColumnType;

/**
 * What a delivered value of one declared column must satisfy: its type, presence, range, code list and, for
 * text, its maximum length. A serialisable copy of the declaration, so Spark tasks check rows with exactly the
 * declared rules.
 *
 * @param codes the valid codes, empty when the column declares no code list
 * @param maxLength the most characters a text value may have
 * @param codeByLowerCase derived from {@code codes} (whatever is passed is replaced): each code by its lower-case
 *     form, where no two codes share one
 */
record ColumnRule(String name, String header, ColumnType type, boolean required, double min, double max,
        String codeListName, Set<String> codes, int maxLength, Map<String, String> codeByLowerCase) implements Serializable {

    ColumnRule {
        requireNonNull(name, "name is null");
        requireNonNull(header, "header is null");
        requireNonNull(type, "type is null");
        requireNonNull(codeListName, "codeListName is null");
        codes = Set.copyOf(requireNonNull(codes, "codes is null"));
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive, got " + maxLength);
        }
        Map<String, String> byLowerCase = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String code : codes) {
            if (byLowerCase.put(code.toLowerCase(Locale.ROOT), code) != null) {
                ambiguous.add(code.toLowerCase(Locale.ROOT));
            }
        }
        ambiguous.forEach(byLowerCase::remove);
        codeByLowerCase = Map.copyOf(byLowerCase);
    }

    static ColumnRule of(ColumnDeclaration column) {
        double min = column.range().map(range -> range.min()).orElse(Double.NEGATIVE_INFINITY);
        double max = column.range().map(range -> range.max()).orElse(Double.POSITIVE_INFINITY);
        Optional<CodeList> codes = column.codes().map(CodeList::load);
        return new ColumnRule(column.name(), column.header(), column.type(), column.required(), min, max,
                codes.map(CodeList::name).orElse(""), codes.map(CodeList::codes).orElse(Set.of()), column.maxLengthOrDefault(),
                Map.of());
    }

    boolean hasCodeList() {
        return !codes.isEmpty();
    }

    /**
     * The code as the list spells it: the same text, or the one code that differs from it only in case (ABSENT is
     * absent); the value unchanged when neither, so the code-list check refuses it.
     */
    String asListed(String code) {
        if (codes.contains(code)) {
            return code;
        }
        String listed = codeByLowerCase.get(code.toLowerCase(Locale.ROOT));
        if (listed == null) {
            return code;
        }
        return listed;
    }

    /** Why a parsed value breaks the declared range, code list or length, if it does. */
    Optional<String> violation(Object value) {
        if (value instanceof Number number) {
            double numeric = number.doubleValue();
            if (numeric < min || numeric > max) {
                return Optional.of("out of range [" + plain(min) + ", " + plain(max) + "]");
            }
        }
        if (value instanceof String text) {
            if (!codes.isEmpty() && !codes.contains(text)) {
                return Optional.of("unknown code (not in code list " + codeListName + ")");
            }
            if (text.length() > maxLength && text.codePointCount(0, text.length()) > maxLength) {
                return Optional.of("longer than " + maxLength + " characters (the declared maximum)");
            }
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
