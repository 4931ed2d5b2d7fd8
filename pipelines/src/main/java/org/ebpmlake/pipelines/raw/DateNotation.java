package org.ebpmlake.pipelines.raw;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as Japanese offices write one, from NFKC-normalised text: ISO ({@code 2025-03-31}), slashes or
 * dots ({@code 2025/3/31}), 年月日 ({@code 2025年3月31日}, full-width digits included), eight digits
 * ({@code 20250331}), or a Japanese era ({@code 令和7年3月31日}, {@code 令和元年5月1日}, {@code R5.4.1},
 * {@code R05/04/01}, {@code H31/4/30}); a weekday in brackets after it ({@code 2025/3/31(月)}) and a midnight
 * time (an Excel export's {@code 2025/3/31 0:00}) are ignored. Excel's serial day numbers are turned into dates
 * by the workbook reader, which knows the cell is a number.
 */
final class DateNotation {
    static final String EXPECTED = "not a date (expected 2025-03-31, 2025/3/31 or 令和7年3月31日)";
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern ERA = Pattern.compile(EraYear.ERA_AND_YEAR + "\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern WEEKDAY = Pattern.compile("\\s*\\((?:[月火水木金土日](?:曜日?)?|(?i:mon|tue|wed|thu|fri|sat|sun))\\)$");
    private static final Pattern MIDNIGHT = Pattern.compile("[ T]0{1,2}:00(?::00(?:\\.0+)?)?$");

    private DateNotation() {
    }

    static LocalDate parse(String value) throws FieldParseException {
        Optional<LocalDate> iso = isoDate(value);
        if (iso.isPresent()) {
            return iso.get();
        }
        String date = WEEKDAY.matcher(value).replaceFirst("");
        date = MIDNIGHT.matcher(date).replaceFirst("").strip();
        try {
            if (date.length() == 8 && digits(date, 0, 8)) {
                return LocalDate.of(number(date, 0, 4), number(date, 4, 6), number(date, 6, 8));
            }
            Matcher western = WESTERN.matcher(date);
            if (western.matches()) {
                return LocalDate.of(Integer.parseInt(western.group(1)), Integer.parseInt(western.group(2)),
                        Integer.parseInt(western.group(3)));
            }
            Matcher era = ERA.matcher(date);
            if (era.matches()) {
                return LocalDate.of(EraYear.westernYear(era.group(1), era.group(2)), Integer.parseInt(era.group(3)),
                        Integer.parseInt(era.group(4)));
            }
        } catch (DateTimeException | FieldParseException e) {
            throw new FieldParseException(EXPECTED);
        }
        throw new FieldParseException(EXPECTED);
    }

    /**
     * The text as an ISO date {@code yyyy-MM-dd}, read without a pattern (the form machines write, so the common
     * case costs no regular expression); empty when the text is not exactly that.
     */
    private static Optional<LocalDate> isoDate(String value) throws FieldParseException {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-'
                || !digits(value, 0, 4) || !digits(value, 5, 7) || !digits(value, 8, 10)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10)));
        } catch (DateTimeException e) {
            throw new FieldParseException(EXPECTED);
        }
    }

    static boolean digits(String value, int from, int to) {
        for (int index = from; index < to; index++) {
            char character = value.charAt(index);
            if (character < '0' || character > '9') {
                return false;
            }
        }
        return true;
    }

    static int number(String value, int from, int to) {
        int number = 0;
        for (int index = from; index < to; index++) {
            number = number * 10 + (value.charAt(index) - '0');
        }
        return number;
    }
}
