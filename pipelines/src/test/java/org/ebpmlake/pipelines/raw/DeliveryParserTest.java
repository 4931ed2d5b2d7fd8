package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.junit.jupiter.api.Test;

class DeliveryParserTest {
    private final DatasetDeclaration kpiActuals = DatasetCatalog.load().dataset("kpi_actuals_reported");
    private final DeliveryParser parser = new DeliveryParser();

    @Test
    void matchesJapaneseHeadersToDeclaredColumnsInAnyOrder() {
        ParsedDelivery parsed = parser.parse(kpiActuals, "k.csv", "年度,指標ID,報告所属,実績値\n令和5年度,K01-01-1,市民局,\"１，２００\"\n");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.accepted()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.values()).containsExactly("K01-01-1", 2023, 1200.0, "市民局");
        });
    }

    @Test
    void rejectsEachBadRowWithItsLineFieldAndReasonAndKeepsEveryRow() {
        String text = String.join("\n",
                "指標ID,年度,実績値,報告所属",
                "K01-01-1,令和5年度,100,市民局",
                "K01-01-1,令和6年度,未集計,市民局",
                "K01-01-1,令和6年度,100",
                ",令和6年度,100,市民局",
                "\"K01-04-1\",\"令和6\n年度\",5,市民局",
                "K01-04-1,令和6年度,7,市民局") + "\n";

        ParsedDelivery parsed = parser.parse(kpiActuals, "k.csv", text);

        assertThat(parsed.rowsRead()).isEqualTo(6);
        assertThat(parsed.accepted()).extracting(ParsedDelivery.AcceptedRow::line).containsExactly(2L, 8L);
        assertThat(parsed.rejected()).extracting(RejectedRow::line, RejectedRow::field, RejectedRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, Optional.of("actual_value"), "実績値: not a number"),
                org.assertj.core.groups.Tuple.tuple(4L, Optional.empty(), "wrong column count: expected 4, got 3"),
                org.assertj.core.groups.Tuple.tuple(5L, Optional.of("kpi_id"), "指標ID: required value is missing"),
                org.assertj.core.groups.Tuple.tuple(6L, Optional.of("fiscal_year"), "年度: not a whole number"));
    }

    @Test
    void rejectsTheRestOfAFileWhoseQuotingIsBroken() {
        ParsedDelivery parsed = parser.parse(kpiActuals, "k.csv",
                "指標ID,年度,実績値,報告所属\nK01-01-1,令和5年度,100,市民局\nK01-01-1,\"令和6年度,100,市民局\n");

        assertThat(parsed.accepted()).hasSize(1);
        assertThat(parsed.rejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.reason()).startsWith("broken quoting");
        });
    }

    @Test
    void refusesAFileWhoseHeaderDoesNotMatchNamingFileAndHeader() {
        assertThatThrownBy(() -> parser.parse(kpiActuals, "bad.csv", "指標ID,年度,実績,報告所属\n"))
                .hasMessage("bad.csv line 1: header '実績' is not a column of dataset kpi_actuals_reported");
        assertThatThrownBy(() -> parser.parse(kpiActuals, "short.csv", "指標ID,年度,実績値\n"))
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
        assertThatThrownBy(() -> DeliveredText.decode("d.csv", new byte[] {(byte) 0x82, (byte) 0xff, 0x41}))
                .hasMessageContaining("d.csv: the file is neither UTF-8 nor CP932");
    }
}
