package org.ebpmlake.pipelines.raw;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebpmlake.schemas.ColumnType;

/**
 * Reads one field of a delivery as its declared type, the way Japanese offices write values: full-width
 * digits and separators (NFKC-normalised), thousands separators, Japanese era years and dates
 * (令和5年度, 令和元年4月1日, R5.4.1), and Western dates with hyphens or slashes.
 */
final class FieldParser implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final Map<String, JapaneseEra> ERAS = Map.of(
            "令和", JapaneseEra.REIWA, "R", JapaneseEra.REIWA,
            "平成", JapaneseEra.HEISEI, "H", JapaneseEra.HEISEI,
            "昭和", JapaneseEra.SHOWA, "S", JapaneseEra.SHOWA);
    private static final Pattern ERA_YEAR = Pattern.compile("(令和|平成|昭和)(元|\\d{1,2})年度?");
    private static final Pattern WESTERN_YEAR = Pattern.compile("(\\d{4})年度?");
    private static final Pattern ERA_DATE = Pattern.compile("(令和|平成|昭和|R|H|S)(元|\\d{1,2})[年.](\\d{1,2})[月.](\\d{1,2})日?");
    private static final DateTimeFormatter SLASHED_DATE = DateTimeFormatter.ofPattern("uuuu/M/d");
    /** A bound or an estimate written where a figure belongs (30%以下, 約120): not a value to store. */
    private static final Pattern QUALIFIED_NUMBER = Pattern.compile("約?[+-]?[\\d,.]+%?(以下|以上|未満|超|程度|前後)?");

    /** Parses text already known to be non-blank. */
    Object parse(ColumnType type, String text) throws FieldParseException {
        if (type == ColumnType.STRING) {
            // Text is kept as delivered; only values read as numbers, dates or flags are normalised.
            return text.strip();
        }
        String value = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return switch (type) {
            case STRING -> text.strip();
            case INT -> (int) parseWhole(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> parseWhole(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case DOUBLE -> parseDecimal(value);
            case BOOLEAN -> parseBoolean(value);
            case DATE -> parseDate(value);
            case TIMESTAMP -> parseInstant(value);
        };
    }

    private static long parseWhole(String value, long min, long max) throws FieldParseException {
        Matcher era = ERA_YEAR.matcher(value);
        if (era.matches()) {
            return westernYear(era.group(1), era.group(2));
        }
        Matcher western = WESTERN_YEAR.matcher(value);
        if (western.matches()) {
            return Long.parseLong(western.group(1));
        }
        String digits = value.replace(",", "");
        if (!digits.matches("[+-]?\\d{1,19}")) {
            throw new FieldParseException("not a whole number");
        }
        try {
            long number = Long.parseLong(digits);
            if (number < min || number > max) {
                throw new FieldParseException("whole number out of range");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new FieldParseException("whole number out of range");
        }
    }

    private static double parseDecimal(String value) throws FieldParseException {
        String digits = value.replace(",", "");
        if (digits.endsWith("%")) {
            // The unit is declared with the KPI; a percent sign in the cell only repeats it.
            digits = digits.substring(0, digits.length() - 1);
        }
        if (QUALIFIED_NUMBER.matcher(value).matches() && !digits.matches("[+-]?[\\d.]+")) {
            throw new FieldParseException("a bound or estimate (e.g. 以下, 約), not a value");
        }
        if (!digits.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new FieldParseException("not a number");
        }
        return Double.parseDouble(digits);
    }

    private static boolean parseBoolean(String value) throws FieldParseException {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "有", "はい", "yes" -> true;
            case "false", "0", "無", "いいえ", "no" -> false;
            default -> throw new FieldParseException("not a yes/no value");
        };
    }

    private static LocalDate parseDate(String value) throws FieldParseException {
        Matcher era = ERA_DATE.matcher(value);
        try {
            if (era.matches()) {
                int year = eraYear(era.group(2));
                JapaneseDate date = JapaneseDate.of(ERAS.get(era.group(1)), year,
                        Integer.parseInt(era.group(3)), Integer.parseInt(era.group(4)));
                return LocalDate.from(date);
            }
            if (value.contains("/")) {
                return LocalDate.parse(value, SLASHED_DATE);
            }
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new FieldParseException("not a date (expected 2025-03-31, 2025/3/31 or 令和7年3月31日)");
        }
    }

    private static Instant parseInstant(String value) throws FieldParseException {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.replace(' ', 'T')).atZone(CITY_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new FieldParseException("not a date and time (expected ISO 8601, e.g. 2025-03-31T09:00:00+09:00)");
            }
        }
    }

    private static long westernYear(String eraName, String year) throws FieldParseException {
        JapaneseEra era = ERAS.get(eraName);
        try {
            // A fiscal year such as 平成31年度 is named after the era year it starts in, even when the era ends
            // during it, so the era year is converted without checking that a given day exists.
            return JapaneseChronology.INSTANCE.prolepticYear(era, eraYear(year));
        } catch (DateTimeException | ClassCastException e) {
            throw new FieldParseException("not a year of the " + eraName + " era");
        }
    }

    private static int eraYear(String year) {
        return "元".equals(year) ? 1 : Integer.parseInt(year);
    }
}
