package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.ebpmlake.schemas.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldParserTest {
    private final FieldParser parser = new FieldParser();

    @ParameterizedTest(name = "{0} is the fiscal year {1}")
    @CsvSource({"令和5年度, 2023", "令和元年度, 2019", "平成31年度, 2019", "H30年度, 2018", "R3年度, 2021", "R5, 2023",
        "r5年度, 2023", "２０２４年度, 2024", "2024年, 2024", "Ｈ３０年度, 2018", "2023, 2023"})
    void readsEraAndWesternFiscalYearsAsWesternYears(String written, int year) throws Exception {
        assertThat(parser.parse(ColumnType.INT, written)).isEqualTo(year);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"令和7年3月31日, 2025-03-31", "令和元年5月1日, 2019-05-01", "R5.4.1, 2023-04-01", "R05/04/01, 2023-04-01",
        "H31/4/30, 2019-04-30", "平成31年5月1日, 2019-05-01", "S58.5.3, 1983-05-03", "昭和５８年５月３日, 1983-05-03",
        "ｒ５．４．１, 2023-04-01", "２０２５年３月３１日, 2025-03-31", "2025年3月31日(月), 2025-03-31", "2025/3/31（月）, 2025-03-31",
        "2025/3/1, 2025-03-01", "2025.3.1, 2025-03-01", "２０２５－０３－３１, 2025-03-31", "20250331, 2025-03-31",
        "2025/3/31 0:00, 2025-03-31", "2025-03-31 00:00:00, 2025-03-31"})
    void readsDatesInEveryCommonJapaneseForm(String written, LocalDate date) throws Exception {
        assertThat(parser.parse(ColumnType.DATE, written)).isEqualTo(date);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"2025-03-31T09:00:00+09:00, 2025-03-31T00:00:00Z", "2025-03-31 09:00:00, 2025-03-31T00:00:00Z",
        "2025-03-31T09:58+09:00, 2025-03-31T00:58:00Z", "2025-03-31T00:00:00Z, 2025-03-31T00:00:00Z",
        "2025-03-31T09:00:00.250+0900, 2025-03-31T00:00:00.250Z", "2025/3/31 9:05, 2025-03-31T00:05:00Z",
        "令和7年3月31日 9時5分, 2025-03-31T00:05:00Z", "R7.3.31 10:15:30, 2025-03-31T01:15:30Z",
        "２０２５－０３－３１Ｔ０９：００：００＋０９：００, 2025-03-31T00:00:00Z"})
    void readsDatesWithTimesInTheCityZoneUnlessAnOffsetIsGiven(String written, Instant instant) throws Exception {
        assertThat(parser.parse(ColumnType.TIMESTAMP, written)).isEqualTo(instant);
    }

    @Test
    void readsIsoTimesWithoutAPatternExactlyAsJavaTimeDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(20250331);
        DateTimeFormatter[] layouts = {DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX"), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssXX")};
        for (int sample = 0; sample < 2_000; sample++) {
            LocalDateTime local = LocalDateTime.of(1990 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1_000_000);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(-12 * 4, 14 * 4)) * 15 * 60);
            String written = OffsetDateTime.of(local, offset).format(layouts[sample % layouts.length]);

            Instant expected = OffsetDateTime.parse(written, layouts[sample % layouts.length]).toInstant();

            assertThat(parser.parse(ColumnType.TIMESTAMP, written)).as(written).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"'１，２３４．５', 1234.5", "'2,750,000', 2750000", "'△1,000', -1000", "▲250, -250", "−250, -250", "－１２, -12",
        "'４５．２％', 45.2", "1.5e3, 1500", "+7, 7", "5.0, 5", "'△ 1,000.5', -1000.5"})
    void readsJapaneseNumberNotationsIncludingNegativeMarks(String written, double number) throws Exception {
        assertThat(parser.parse(ColumnType.DOUBLE, written)).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"'2,750,000', 2750000", "'△1,000', -1000", "▲250, -250", "−250, -250", "5.0, 5", "７, 7"})
    void readsWholeNumbersInTheSameNotations(String written, long number) throws Exception {
        assertThat(parser.parse(ColumnType.LONG, written)).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"○, true", "×, false", "はい, true", "無, false", "TRUE, true", "0, false"})
    void readsYesAndNoAsOfficesWriteThem(String written, boolean value) throws Exception {
        assertThat(parser.parse(ColumnType.BOOLEAN, written)).isEqualTo(value);
    }

    @Test
    void refusesValuesThatAreNotOfTheTypeWithoutRepeatingThem() {
        assertThatThrownBy(() -> parser.parse(ColumnType.DOUBLE, "未集計")).isInstanceOf(FieldParseException.class).hasMessage("not a number");
        assertThatThrownBy(() -> parser.parse(ColumnType.DOUBLE, "1,2")).hasMessage("not a number");
        assertThatThrownBy(() -> parser.parse(ColumnType.DOUBLE, "30%以下")).hasMessage("a bound or estimate (e.g. 以下, 約), not a value");
        assertThatThrownBy(() -> parser.parse(ColumnType.INT, "約1,000")).hasMessage("a bound or estimate (e.g. 以下, 約), not a value");
        assertThatThrownBy(() -> parser.parse(ColumnType.INT, "5.5")).hasMessage("not a whole number");
        assertThatThrownBy(() -> parser.parse(ColumnType.INT, "99999999999")).hasMessage("whole number out of range");
        assertThatThrownBy(() -> parser.parse(ColumnType.LONG, "99999999999999999999")).hasMessage("whole number out of range");
        assertThatThrownBy(() -> parser.parse(ColumnType.INT, "平成32年度")).hasMessageStartingWith("not a year of");
        assertThatThrownBy(() -> parser.parse(ColumnType.DATE, "令和7年2月30日"))
                .hasMessageStartingWith("not a date").hasMessageNotContaining("令和7年2月30日");
        assertThatThrownBy(() -> parser.parse(ColumnType.DATE, "2025/3/31 14:00")).hasMessageStartingWith("not a date");
        assertThatThrownBy(() -> parser.parse(ColumnType.DATE, "45747")).hasMessageStartingWith("not a date");
        assertThatThrownBy(() -> parser.parse(ColumnType.TIMESTAMP, "2025-03-31 25:00:00")).hasMessageStartingWith("not a date and time");
        assertThatThrownBy(() -> parser.parse(ColumnType.TIMESTAMP, "2025-03-31")).hasMessageStartingWith("not a date and time");
        assertThatThrownBy(() -> parser.parse(ColumnType.BOOLEAN, "たぶん")).hasMessage("not a yes/no value");
    }
}
