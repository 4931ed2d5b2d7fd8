package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.junit.jupiter.api.Test;

class RowParserTest {
    private final DatasetCatalog catalog = DatasetCatalog.load();
    private final DatasetDeclaration kpiActuals = catalog.dataset("kpi_actuals_reported");

    @Test
    void matchesJapaneseHeadersToDeclaredColumnsInAnyOrder() {
        int[] mapping = HeaderMapping.columnOfField(kpiActuals, "k.csv", List.of("年度", "指標ID", "報告所属", "実績値"));
        RowParser parser = new RowParser(kpiActuals, mapping);
        Object[] values = new Object[4];

        Optional<RejectedRow> rejection = parser.parseInto(values, record(2, "令和5年度", "K01-01-1", "市民局", "１，２００"));

        assertThat(rejection).isEmpty();
        assertThat(values).containsExactly("K01-01-1", 2023, 1200.0, "市民局");
    }

    @Test
    void rejectsEachBadRecordWithItsLineFieldAndReason() {
        RowParser parser = new RowParser(kpiActuals, HeaderMapping.declaredOrder(kpiActuals));

        List<RejectedRow> rejected = java.util.stream.Stream.of(
                        record(3, "K01-01-1", "令和6年度", "未集計", "市民局"),
                        record(4, "K01-01-1", "令和6年度", "100"),
                        record(5, "", "令和6年度", "100", "市民局"),
                        record(6, "K01-01-1", "令和6年度", "30%以下", "水道局"),
                        DeliveryRecord.unreadable(7, "{\"id\":", "not a JSON object: the line is not valid JSON"))
                .map(record -> parser.parseInto(new Object[4], record).orElseThrow())
                .toList();

        assertThat(rejected).extracting(RejectedRow::line, RejectedRow::field, RejectedRow::reason).containsExactly(
                tuple(3L, Optional.of("actual_value"), "実績値: not a number"),
                tuple(4L, Optional.empty(), "wrong column count: expected 4, got 3"),
                tuple(5L, Optional.of("kpi_id"), "指標ID: required value is missing"),
                tuple(6L, Optional.of("actual_value"), "実績値: a bound or estimate (e.g. 以下, 約), not a value"),
                tuple(7L, Optional.empty(), "not a JSON object: the line is not valid JSON"));
    }

    @Test
    void rejectsValuesOutsideTheDeclaredRangeOrCodeList() {
        DatasetDeclaration students = catalog.dataset("students");
        DatasetDeclaration schools = catalog.dataset("schools");

        assertThat(new RowParser(students, HeaderMapping.declaredOrder(students))
                .parseInto(new Object[6], record(2, "S1", "B1272000000010", "10", "1", "1", "4")))
                .hasValueSatisfying(row -> assertThat(row.reason()).isEqualTo("grade: out of range [1, 9]"));
        assertThat(new RowParser(schools, HeaderMapping.declaredOrder(schools))
                .parseInto(new Object[4], record(2, "B1272000000010", "北第1小学校", "27199", "elementary")))
                .hasValueSatisfying(row -> assertThat(row.reason()).isEqualTo("ward_code: unknown code (not in code list wards)"));
    }

    @Test
    void acceptsPercentSignsAsTheDeclaredUnit() throws Exception {
        RowParser parser = new RowParser(kpiActuals, HeaderMapping.declaredOrder(kpiActuals));
        Object[] values = new Object[4];

        assertThat(parser.parseInto(values, record(2, "K01-01-1", "令和6年度", "４５．２％", "市民局"))).isEmpty();
        assertThat(values[2]).isEqualTo(45.2);
    }

    @Test
    void refusesAFileWhoseHeaderDoesNotMatchNamingFileAndHeader() {
        assertThatThrownBy(() -> HeaderMapping.columnOfField(kpiActuals, "bad.csv", List.of("指標ID", "年度", "実績", "報告所属")))
                .hasMessage("bad.csv line 1: header '実績' is not a column of dataset kpi_actuals_reported");
        assertThatThrownBy(() -> HeaderMapping.columnOfField(kpiActuals, "short.csv", List.of("指標ID", "年度", "実績値")))
                .hasMessageContaining("short.csv line 1: column '報告所属'")
                .hasMessageContaining("missing from the header");
    }

    @Test
    void detectsCp932AndUtf8WithOrWithoutBom() {
        String text = "指標ID,年度\n";
        Charset cp932 = Charset.forName("windows-31j");

        assertThat(DeliveredText.decode("a.csv", text.getBytes(cp932))).isEqualTo(new DeliveredText(text, cp932));
        assertThat(DeliveredText.decode("b.csv", text.getBytes(StandardCharsets.UTF_8)).charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(DeliveredText.decode("c.csv", bom).text()).isEqualTo(text);
        assertThat(DeliveredText.detect("e.csv", (text + "K01,令和5年度\n").getBytes(cp932))).isEqualTo(cp932);
        assertThatThrownBy(() -> DeliveredText.decode("d.csv", new byte[] {(byte) 0x82, (byte) 0xff, 0x41}))
                .hasMessageStartingWith("d.csv: ").hasMessageContaining("the file is neither UTF-8 nor CP932");
    }

    private static DeliveryRecord record(long line, String... fields) {
        return DeliveryRecord.of(line, fields, String.join(",", fields));
    }
}
