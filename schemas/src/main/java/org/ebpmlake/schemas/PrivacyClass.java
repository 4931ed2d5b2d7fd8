package org.ebpmlake.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * How a column relates to a person, in the terms of statistical disclosure control. The class decides
 * which zones a column may reach: direct identifiers never leave the raw zone.
 */
public enum PrivacyClass {
    /** Identifies a person on its own (name, resident id): raw zone only; pseudonymised or dropped beyond. */
    DIRECT_IDENTIFIER,
    /** Identifies a person in combination with others (age, sex, ward): generalized before publication. */
    QUASI_IDENTIFIER,
    /** A value that must not be linked to a person (health, scores): protected by l-diversity or t-closeness. */
    SENSITIVE,
    /** Says nothing about a person (codes, counts, timestamps of the pipeline). */
    INSENSITIVE;

    @JsonCreator
    public static PrivacyClass fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
