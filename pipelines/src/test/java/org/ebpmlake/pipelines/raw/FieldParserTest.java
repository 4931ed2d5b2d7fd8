package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.ebpmlake.schemas.ColumnType;
import org.junit.jupiter.api.Test;

class FieldParserTest {
    private final FieldParser parser = new FieldParser();

    @Test
    void readsJapaneseEraFiscalYearsAsWesternYears() throws Exception {
        assertThat(parser.parse(ColumnType.INT, "令和5年度")).isEqualTo(2023);
        assertThat(parser.parse(ColumnType.INT, "令和元年度")).isEqualTo(2019);
        assertThat(parser.parse(ColumnType.INT, "平成31年度")).isEqualTo(2019);
        assertThat(parser.parse(ColumnType.INT, "２０２４年度")).isEqualTo(2024);
    }

    @Test
    void readsFullWidthDigitsAndThousandsSeparators() throws Exception {
        assertThat(parser.parse(ColumnType.DOUBLE, "１，２３４．５")).isEqualTo(1234.5);
        assertThat(parser.parse(ColumnType.LONG, "2,750,000")).isEqualTo(2_750_000L);
        assertThat(parser.parse(ColumnType.INT, "－１２")).isEqualTo(-12);
    }

    @Test
    void readsEraAndWesternDates() throws Exception {
        assertThat(parser.parse(ColumnType.DATE, "令和7年3月31日")).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(parser.parse(ColumnType.DATE, "令和元年5月1日")).isEqualTo(LocalDate.of(2019, 5, 1));
        assertThat(parser.parse(ColumnType.DATE, "H31.4.30")).isEqualTo(LocalDate.of(2019, 4, 30));
        assertThat(parser.parse(ColumnType.DATE, "2025/3/1")).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(parser.parse(ColumnType.DATE, "２０２５－０３－３１")).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void readsTimestampsWithAndWithoutOffsetInTheCityZone() throws Exception {
        assertThat(parser.parse(ColumnType.TIMESTAMP, "2025-03-31T09:00:00+09:00")).isEqualTo(Instant.parse("2025-03-31T00:00:00Z"));
        assertThat(parser.parse(ColumnType.TIMESTAMP, "2025-03-31 09:00:00")).isEqualTo(Instant.parse("2025-03-31T00:00:00Z"));
    }

    @Test
    void rejectsValuesThatAreNotOfTheTypeWithoutRepeatingThem() {
        assertThatThrownBy(() -> parser.parse(ColumnType.DOUBLE, "未集計"))
                .isInstanceOf(FieldParseException.class)
                .hasMessage("not a number");
        assertThatThrownBy(() -> parser.parse(ColumnType.DATE, "令和7年2月30日"))
                .hasMessageStartingWith("not a date")
                .hasMessageNotContaining("令和7年2月30日");
        assertThatThrownBy(() -> parser.parse(ColumnType.INT, "99999999999")).hasMessage("whole number out of range");
    }
}
