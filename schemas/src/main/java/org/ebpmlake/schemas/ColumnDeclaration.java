package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One column of a dataset as declared: its name, type, meaning in both languages and privacy class.
 *
 * @param treatment what leaving the raw zone does to the column; direct identifiers only
 * @param sourceHeader the column's header in deliveries where it differs from {@code name} (e.g. 指標ID); for
 *     JSON deliveries a dotted path into the object (e.g. {@code actor.account.name})
 * @param range the smallest and largest value a numeric column may hold; a value outside is quarantined
 * @param codes the code list (a file {@code reference/<codes>.csv} with a {@code code} column) a value must be in
 * @param fiscalYearColumn for a date or timestamp: the column promotion adds beside it in curated, holding its
 *     Japanese fiscal (school) year, April to March, so every table counts years the same way
 * @param maxLength for a text column: the most characters a delivered value may have; a longer one is
 *     quarantined. Absent, {@link #DEFAULT_MAX_LENGTH} applies, so every text column has a limit
 */
public record ColumnDeclaration(
        String name,
        ColumnType type,
        boolean required,
        PrivacyClass privacy,
        Optional<DirectIdentifierTreatment> treatment,
        Optional<String> sourceHeader,
        Optional<ValueRange> range,
        Optional<String> codes,
        Optional<String> fiscalYearColumn,
        Optional<Integer> maxLength,
        LocalizedText description) {

    /**
     * The longest text a column takes when it declares no limit: room for any name, address, code or URL a
     * department sends, while a whole pasted document or a run-away field (a quote that swallowed lines) is not.
     */
    public static final int DEFAULT_MAX_LENGTH = 256;

    public ColumnDeclaration {
        requireNonNull(name, "name is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be lower snake case: '" + name + "'");
        }
        requireNonNull(type, "type is null for column " + name);
        requireNonNull(privacy, "privacy is null for column " + name);
        requireNonNull(treatment, "treatment is null for column " + name);
        requireNonNull(sourceHeader, "sourceHeader is null for column " + name);
        requireNonNull(range, "range is null for column " + name);
        requireNonNull(codes, "codes is null for column " + name);
        requireNonNull(fiscalYearColumn, "fiscalYearColumn is null for column " + name);
        requireNonNull(maxLength, "maxLength is null for column " + name);
        requireNonNull(description, "description is null for column " + name);
        if (maxLength.isPresent() && type != ColumnType.STRING) {
            throw new IllegalArgumentException("column " + name + " declares a maximum length but is not a string column");
        }
        if (maxLength.isPresent() && maxLength.get() < 1) {
            throw new IllegalArgumentException("column " + name + " declares a maximum length below 1: " + maxLength.get());
        }
        if (fiscalYearColumn.isPresent() && type != ColumnType.DATE && type != ColumnType.TIMESTAMP) {
            throw new IllegalArgumentException("column " + name + " declares a fiscal year column but is not a date or timestamp");
        }
        if (range.isPresent() && !type.isNumeric()) {
            throw new IllegalArgumentException("column " + name + " declares a range but its type " + type + " is not numeric");
        }
        if (codes.isPresent() && type != ColumnType.STRING) {
            throw new IllegalArgumentException("column " + name + " declares a code list but is not a string column");
        }
        if (privacy != PrivacyClass.DIRECT_IDENTIFIER && treatment.isPresent()) {
            throw new IllegalArgumentException("column " + name + " is not a direct identifier but declares a treatment");
        }
    }

    /** A column without a declared maximum length (the default applies to text). */
    public ColumnDeclaration(String name, ColumnType type, boolean required, PrivacyClass privacy,
            Optional<DirectIdentifierTreatment> treatment, Optional<String> sourceHeader, Optional<ValueRange> range,
            Optional<String> codes, Optional<String> fiscalYearColumn, LocalizedText description) {
        this(name, type, required, privacy, treatment, sourceHeader, range, codes, fiscalYearColumn, Optional.empty(),
                description);
    }

    /** The most characters a delivered text value of this column may have. */
    public int maxLengthOrDefault() {
        return maxLength.orElse(DEFAULT_MAX_LENGTH);
    }

    /** The header this column has in a delivered file. */
    public String header() {
        return sourceHeader.orElse(name);
    }
}
