package org.ebpmlake.pipelines.raw;

import java.time.DateTimeException;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseEra;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year written in a Japanese era (令和5年, R5, H30年度) or as a Western year with 年 or 年度, read as the
 * Western year. A fiscal year is named after the year it starts in, so 令和5年度 is 2023.
 *
 * <p>The conversion checks only that the era had such a year (平成31 did, 平成32 did not), not that a given day
 * of it falls inside the era: systems printed 平成31年5月1日 for weeks after the era ended, and a steward reads
 * it as 2019-05-01, as they read 平成31年度 as the fiscal year 2019.
 */
final class EraYear {
    /** An era as written: its kanji name or initial (R, H, S, T, M in either case), then the year, 元 for the first. */
    static final String ERA_AND_YEAR = "(令和|平成|昭和|大正|明治|[RHSTMrhstm])\\s*(元|\\d{1,2})";
    private static final Pattern ERA_YEAR = Pattern.compile(ERA_AND_YEAR + "\\s*(?:年度|年)?");
    private static final Pattern WESTERN_YEAR = Pattern.compile("(\\d{4})\\s*(?:年度|年)");
    private static final Map<String, JapaneseEra> ERAS = Map.ofEntries(
            Map.entry("令和", JapaneseEra.REIWA), Map.entry("R", JapaneseEra.REIWA),
            Map.entry("平成", JapaneseEra.HEISEI), Map.entry("H", JapaneseEra.HEISEI),
            Map.entry("昭和", JapaneseEra.SHOWA), Map.entry("S", JapaneseEra.SHOWA),
            Map.entry("大正", JapaneseEra.TAISHO), Map.entry("T", JapaneseEra.TAISHO),
            Map.entry("明治", JapaneseEra.MEIJI), Map.entry("M", JapaneseEra.MEIJI));

    private EraYear() {
    }

    /** Whether the text is a year in one of these notations (and so not a plain number). */
    static boolean matches(String value) {
        return ERA_YEAR.matcher(value).matches() || WESTERN_YEAR.matcher(value).matches();
    }

    /** The Western year of a year written in an era or with 年/年度. */
    static int parse(String value) throws FieldParseException {
        Matcher era = ERA_YEAR.matcher(value);
        if (era.matches()) {
            return westernYear(era.group(1), era.group(2));
        }
        Matcher western = WESTERN_YEAR.matcher(value);
        if (western.matches()) {
            return Integer.parseInt(western.group(1));
        }
        throw new FieldParseException("not a year");
    }

    /** The Western year of an era's year; the era as written (kanji or initial), the year a number or 元. */
    static int westernYear(String eraName, String year) throws FieldParseException {
        JapaneseEra era = ERAS.get(eraName.toUpperCase(Locale.ROOT));
        int yearOfEra = "元".equals(year) ? 1 : Integer.parseInt(year);
        try {
            return JapaneseChronology.INSTANCE.prolepticYear(era, yearOfEra);
        } catch (DateTimeException | ClassCastException e) {
            throw new FieldParseException("not a year of the " + era.getDisplayName(java.time.format.TextStyle.FULL, Locale.JAPAN)
                    + " era");
        }
    }
}
