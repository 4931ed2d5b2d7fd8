package org.ebpmlake.pipelines.raw;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date and time, from NFKC-normalised text: ISO 8601 with or without seconds, fraction and offset
 * ({@code 2025-03-31T09:05:23+09:00}, {@code 2025-03-31 09:05}), or any date {@link DateNotation} reads followed
 * by a time ({@code 2025/3/31 9:05}, {@code 令和7年3月31日 9時5分}). Without an offset the time is the city's.
 *
 * <p>The ISO form is read character by character: GPS feeds deliver ten million of them a day, and
 * {@code OffsetDateTime.parse} costs several times more. Everything else goes through the patterns below.
 */
final class TimestampNotation {
    static final String EXPECTED = "not a date and time (expected ISO 8601, e.g. 2025-03-31T09:00:00+09:00)";
    private static final Pattern DATE_AND_TIME = Pattern.compile(
            "(.+?)(?:T|\\s+)(\\d{1,2})\\s*[:時]\\s*(\\d{1,2})\\s*(?:[:分]\\s*(\\d{1,2})(?:\\.(\\d{1,9}))?\\s*秒?|分)?\\s*"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private TimestampNotation() {
    }

    static Instant parse(String value, ZoneId cityZone) throws FieldParseException {
        try {
            Optional<Instant> iso = iso(value, cityZone);
            if (iso.isPresent()) {
                return iso.get();
            }
            Matcher matcher = DATE_AND_TIME.matcher(value);
            if (!matcher.matches()) {
                throw new FieldParseException(EXPECTED);
            }
            LocalDate date = DateNotation.parse(matcher.group(1).strip());
            int seconds = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4));
            int nanos = matcher.group(5) == null ? 0 : nanos(matcher.group(5));
            LocalTime time = LocalTime.of(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)), seconds, nanos);
            LocalDateTime local = LocalDateTime.of(date, time);
            if (matcher.group(6) == null) {
                return local.atZone(cityZone).toInstant();
            }
            return local.toInstant(ZoneOffset.of(matcher.group(6)));
        } catch (DateTimeException | FieldParseException e) {
            throw new FieldParseException(EXPECTED);
        }
    }

    /** {@code yyyy-MM-dd[T ]HH:mm[:ss[.fffffffff]][Z|±HH:mm|±HHmm|±HH]}, or empty when the text is another form. */
    private static Optional<Instant> iso(String value, ZoneId cityZone) {
        int length = value.length();
        if (length < 16 || value.charAt(4) != '-' || value.charAt(7) != '-' || (value.charAt(10) != 'T' && value.charAt(10) != ' ')
                || value.charAt(13) != ':' || !DateNotation.digits(value, 0, 4) || !DateNotation.digits(value, 5, 7)
                || !DateNotation.digits(value, 8, 10) || !DateNotation.digits(value, 11, 13) || !DateNotation.digits(value, 14, 16)) {
            return Optional.empty();
        }
        int position = 16;
        int seconds = 0;
        int nanos = 0;
        if (position < length && value.charAt(position) == ':') {
            if (length < position + 3 || !DateNotation.digits(value, position + 1, position + 3)) {
                return Optional.empty();
            }
            seconds = DateNotation.number(value, position + 1, position + 3);
            position += 3;
            if (position < length && value.charAt(position) == '.') {
                int start = position + 1;
                int end = start;
                while (end < length && end - start < 9 && value.charAt(end) >= '0' && value.charAt(end) <= '9') {
                    end++;
                }
                if (end == start) {
                    return Optional.empty();
                }
                nanos = nanos(value.substring(start, end));
                position = end;
            }
        }
        LocalDateTime local = LocalDateTime.of(DateNotation.number(value, 0, 4), DateNotation.number(value, 5, 7),
                DateNotation.number(value, 8, 10), DateNotation.number(value, 11, 13), DateNotation.number(value, 14, 16),
                seconds, nanos);
        if (position == length) {
            return Optional.of(local.atZone(cityZone).toInstant());
        }
        if (value.charAt(position) == 'Z' && position + 1 == length) {
            return Optional.of(local.toInstant(ZoneOffset.UTC));
        }
        char sign = value.charAt(position);
        if (sign != '+' && sign != '-') {
            return Optional.empty();
        }
        int rest = length - position - 1;
        int hours;
        int minutes;
        if (rest == 5 && value.charAt(position + 3) == ':' && DateNotation.digits(value, position + 1, position + 3)
                && DateNotation.digits(value, position + 4, position + 6)) {
            hours = DateNotation.number(value, position + 1, position + 3);
            minutes = DateNotation.number(value, position + 4, position + 6);
        } else if (rest == 4 && DateNotation.digits(value, position + 1, position + 5)) {
            hours = DateNotation.number(value, position + 1, position + 3);
            minutes = DateNotation.number(value, position + 3, position + 5);
        } else if (rest == 2 && DateNotation.digits(value, position + 1, position + 3)) {
            hours = DateNotation.number(value, position + 1, position + 3);
            minutes = 0;
        } else {
            return Optional.empty();
        }
        int signum = sign == '-' ? -1 : 1;
        return Optional.of(local.toInstant(ZoneOffset.ofHoursMinutes(signum * hours, signum * minutes)));
    }

    private static int nanos(String fraction) {
        int nanos = 0;
        for (int index = 0; index < 9; index++) {
            nanos = nanos * 10 + (index < fraction.length() ? fraction.charAt(index) - '0' : 0);
        }
        return nanos;
    }
}
