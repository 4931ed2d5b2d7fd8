package org.ebpmlake.sql.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    @Test
    void alignsJapaneseValuesByTheirDisplayWidth() {
        String table = ResultTable.render(new QueryResult(List.of("kpi_id", "状況"),
                List.of(List.of("K01-01-1", "順調"), List.of("K1", "on_track"))));

        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).isEqualTo("kpi_id   | 状況    ");
        assertThat(lines.get(1)).isEqualTo("---------+---------");
        assertThat(lines.get(2)).isEqualTo("K01-01-1 | 順調    ");
        assertThat(lines.get(3)).isEqualTo("K1       | on_track");
        assertThat(lines.get(4)).isEqualTo("(2 行 / rows)");
        assertThat(ResultTable.displayWidth("ＡＢ市")).isEqualTo(6);
    }
}
