package org.ebpmlake.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** What promotion out of the raw zone does with a direct identifier. */
public enum DirectIdentifierTreatment {
    /** Replaced by a keyed pseudonym in a column named {@code <name>_pseudonym}, so tables still join. */
    PSEUDONYMIZE,
    /** Left behind in the raw zone. */
    DROP;

    @JsonCreator
    public static DirectIdentifierTreatment fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
