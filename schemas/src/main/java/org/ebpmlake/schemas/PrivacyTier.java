package org.ebpmlake.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * The two legal tiers of processed personal information under Japan's Act on the Protection of Personal
 * Information (APPI), as a deid table claims one. Every deid table carries its tier in the table property
 * {@value #TABLE_PROPERTY} and in {@code ops.privacy_reports}, and the SQL roles are granted tiers, not only
 * schemas.
 */
public enum PrivacyTier {
    /**
     * 仮名加工情報: for the city's own analysis only. Direct identifiers and 個人識別符号 removed, linking keys
     * replaced by keyed pseudonyms (the key held apart), values whose misuse could cause financial harm removed.
     */
    PSEUDONYMISED("pseudonymised", "仮名加工情報"),
    /**
     * 匿名加工情報 (for a public body, 行政機関等匿名加工情報): for publication or provision outside. No linking
     * code at all, 特異な記述 removed (top and bottom coding declared per column), a privacy model verified, and
     * the statement the law requires published when the data is created.
     */
    ANONYMISED("anonymised", "匿名加工情報");

    /** The table property holding a deid table's tier. */
    public static final String TABLE_PROPERTY = "ebpm.tier";

    private final String code;
    private final String labelJa;

    PrivacyTier(String code, String labelJa) {
        this.code = code;
        this.labelJa = labelJa;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String labelJa() {
        return labelJa;
    }

    @JsonCreator
    public static PrivacyTier fromCode(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(tier -> tier.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tier must be pseudonymised (仮名加工情報) or anonymised"
                        + " (匿名加工情報), not '" + value + "'"));
    }
}
