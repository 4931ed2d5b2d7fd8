package org.ebpmlake.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** What a failed quality check does: an error blocks promotion out of raw, a warning is recorded and shown. */
public enum QualityLevel {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static QualityLevel fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
