package org.ebpmlake.pipelines.raw;

import java.io.Serializable;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Locale;
import org.ebpmlake.schemas.ColumnType;

/**
 * Reads one field of a delivery as its declared type, the way Japanese offices write values: full-width
 * digits and separators (NFKC-normalised), thousands separators and Japanese negative marks
 * ({@link NumberNotation}), era years and fiscal years ({@link EraYear}), dates in every common form
 * ({@link DateNotation}) and dates with times ({@link TimestampNotation}).
 */
final class FieldParser implements Serializable {
    private static final long serialVersionUID = 2L;
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");

    /** Parses text already known to be non-blank. */
    Object parse(ColumnType type, String text) throws FieldParseException {
        if (type == ColumnType.STRING) {
            // Text is kept as delivered; only values read as numbers, dates or flags are normalised.
            return text.strip();
        }
        String value = normalized(text);
        return switch (type) {
            case STRING -> text.strip();
            case INT -> (int) whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> whole(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case DOUBLE -> NumberNotation.decimal(value);
            case BOOLEAN -> parseBoolean(value);
            case DATE -> DateNotation.parse(value);
            case TIMESTAMP -> TimestampNotation.parse(value, CITY_ZONE);
        };
    }

    /**
     * The text in NFKC (full-width digits, letters and signs become ASCII, half-width kana full-width), stripped.
     * ASCII text is already in NFKC, so the common case skips the normaliser.
     */
    static String normalized(String text) {
        for (int index = 0; index < text.length(); index++) {
            if (text.charAt(index) > 0x7f) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
            }
        }
        return text.strip();
    }

    private static long whole(String value, long min, long max) throws FieldParseException {
        char first = value.charAt(0);
        boolean plainStart = (first >= '0' && first <= '9') || first == '-' || first == '+';
        if (!plainStart || value.endsWith("年") || value.endsWith("年度")) {
            if (EraYear.matches(value)) {
                return EraYear.parse(value);
            }
        }
        return NumberNotation.whole(value, min, max);
    }

    private static boolean parseBoolean(String value) throws FieldParseException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "有", "あり", "はい", "yes", "○", "◯" -> true;
            case "false", "0", "無", "なし", "いいえ", "no", "×", "✕" -> false;
            default -> throw new FieldParseException("not a yes/no value");
        };
    }
}
