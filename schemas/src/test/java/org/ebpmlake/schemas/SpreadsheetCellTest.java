package org.ebpmlake.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellTest {
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"=SUM(A1:A9)", "+81-6-1234-5678", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1+1", "\r=1+1",
        "＝１＋１", "=HYPERLINK(\"http://example.com\",\"兵庫県\")"})
    void putsAnApostropheBeforeTextThatASpreadsheetWouldRun(String text) {
        assertThat(SpreadsheetCell.startsLikeFormula(text)).isTrue();
        assertThat(SpreadsheetCell.inert(text)).isEqualTo("'" + text);
        assertThat(SpreadsheetCell.startsLikeFormula(SpreadsheetCell.inert(text))).isFalse();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"田中 翔太", "-12", "+3.5", "-1.2E3", "", "'=already inert", "a=b", "27102", "*"})
    void leavesPlainTextAndNumbersAsTheyAre(String text) {
        assertThat(SpreadsheetCell.startsLikeFormula(text)).isFalse();
        assertThat(SpreadsheetCell.inert(text)).isEqualTo(text);
    }
}
