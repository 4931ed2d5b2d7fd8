package org.ebpmlake.pipelines.raw;

import java.util.Optional;

/**
 * Reads numbers the way Japanese offices write them, from text already NFKC-normalised (so full-width digits,
 * commas and points are ASCII): thousands separators in groups of three, a leading {@code -}, {@code +}, or the
 * Japanese negative marks {@code △} and {@code ▲} and the minus sign U+2212, a trailing percent sign (the unit
 * is declared with the column, so the sign only repeats it), and a whole number written with a zero fraction
 * ({@code 5.0}). A figure qualified as a bound or an estimate ({@code 30%以下}, {@code 約1,000}) is refused with
 * its own reason, since it is not a value to store.
 *
 * <p>Numbers are scanned character by character rather than with regular expressions: this runs for every
 * numeric cell of every delivery (ten million GPS pings a day), and a compiled pattern per value was a large
 * share of ingest time.
 */
final class NumberNotation {
    private static final String[] QUALIFIER_PREFIXES = {"約", "概ね", "およそ"};
    private static final String[] QUALIFIER_SUFFIXES = {"以下", "以上", "未満", "超", "程度", "前後", "強", "弱", "余り"};

    private NumberNotation() {
    }

    static long whole(String value, long min, long max) throws FieldParseException {
        Optional<Scanned> read = scan(value, false);
        if (read.isEmpty()) {
            throw new FieldParseException(qualified(value) ? "a bound or estimate (e.g. 以下, 約), not a value" : "not a whole number");
        }
        Scanned scanned = read.get();
        if (scanned.hasNonZeroFraction()) {
            throw new FieldParseException("not a whole number");
        }
        long number = 0;
        String digits = scanned.integerDigits();
        if (digits.length() > 19) {
            throw new FieldParseException("whole number out of range");
        }
        try {
            for (int index = 0; index < digits.length(); index++) {
                number = Math.addExact(Math.multiplyExact(number, 10), digits.charAt(index) - '0');
            }
        } catch (ArithmeticException overflow) {
            throw new FieldParseException("whole number out of range");
        }
        if (scanned.negative()) {
            number = -number;
        }
        if (number < min || number > max) {
            throw new FieldParseException("whole number out of range");
        }
        return number;
    }

    static double decimal(String value) throws FieldParseException {
        Optional<Scanned> scanned = scan(value, true);
        if (scanned.isEmpty()) {
            throw new FieldParseException(qualified(value) ? "a bound or estimate (e.g. 以下, 約), not a value" : "not a number");
        }
        return Double.parseDouble(scanned.get().plain());
    }

    private static boolean qualified(String value) {
        String core = value;
        for (String prefix : QUALIFIER_PREFIXES) {
            if (core.startsWith(prefix)) {
                core = core.substring(prefix.length()).strip();
                break;
            }
        }
        for (String suffix : QUALIFIER_SUFFIXES) {
            if (core.endsWith(suffix)) {
                core = core.substring(0, core.length() - suffix.length()).strip();
                break;
            }
        }
        return core.length() < value.length() && !core.isEmpty() && scan(core, true).isPresent();
    }

    /** What a number's text holds: its sign, its digits before the point, and the number in Java's notation. */
    private record Scanned(boolean negative, String integerDigits, boolean hasNonZeroFraction, String plain) {
    }

    private static Optional<Scanned> scan(String value, boolean decimal) {
        int length = value.length();
        int index = 0;
        boolean negative = false;
        if (index < length) {
            char sign = value.charAt(index);
            if (sign == '-' || sign == '\u2212' || sign == '△' || sign == '▲') {
                negative = true;
                index++;
            } else if (sign == '+') {
                index++;
            }
        }
        while (index < length && value.charAt(index) == ' ') {
            index++;
        }
        StringBuilder integer = new StringBuilder(length);
        int groupLength = 0;
        boolean grouped = false;
        while (index < length) {
            char character = value.charAt(index);
            if (character >= '0' && character <= '9') {
                integer.append(character);
                groupLength++;
            } else if (character == ',') {
                // Thousands separators only: 1,234,567, never 1,2 (a decimal comma would be misread).
                boolean firstGroupFits = grouped || (groupLength >= 1 && groupLength <= 3);
                if (!firstGroupFits || (grouped && groupLength != 3)) {
                    return Optional.empty();
                }
                grouped = true;
                groupLength = 0;
            } else {
                break;
            }
            index++;
        }
        if (grouped && groupLength != 3) {
            return Optional.empty();
        }
        StringBuilder fraction = new StringBuilder();
        boolean point = false;
        if (index < length && value.charAt(index) == '.') {
            point = true;
            index++;
            while (index < length && value.charAt(index) >= '0' && value.charAt(index) <= '9') {
                fraction.append(value.charAt(index));
                index++;
            }
        }
        if (integer.isEmpty() && fraction.isEmpty()) {
            return Optional.empty();
        }
        String exponent = "";
        if (decimal && index < length && (value.charAt(index) == 'e' || value.charAt(index) == 'E')) {
            int start = index;
            index++;
            if (index < length && (value.charAt(index) == '+' || value.charAt(index) == '-')) {
                index++;
            }
            int digitsStart = index;
            while (index < length && value.charAt(index) >= '0' && value.charAt(index) <= '9') {
                index++;
            }
            if (index == digitsStart) {
                return Optional.empty();
            }
            exponent = value.substring(start, index);
        }
        if (decimal && index < length && value.charAt(index) == '%') {
            index++;
        }
        if (index != length) {
            return Optional.empty();
        }
        String integerDigits = integer.isEmpty() ? "0" : integer.toString();
        boolean hasNonZeroFraction = !exponent.isEmpty() || fraction.chars().anyMatch(digit -> digit != '0');
        String plain = (negative ? "-" : "") + integerDigits + (fraction.isEmpty() ? "" : "." + fraction) + exponent;
        return Optional.of(new Scanned(negative, integerDigits, hasNonZeroFraction, plain));
    }
}
