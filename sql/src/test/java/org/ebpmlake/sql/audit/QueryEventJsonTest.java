package org.ebpmlake.sql.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryEventJsonTest {
    private final QueryEventJson json = new QueryEventJson("lake");

    @Test
    void keepsWhoWhenAndWhichLakeTablesButNeverTheQueryText() {
        String trinoEvent = """
                {"metadata":{"queryId":"20261125_000001_00003_abcde","queryState":"FINISHED","query":"SELECT * FROM deid.residents WHERE ward_code = '27128'"},
                 "context":{"user":"planner"},
                 "ioMetadata":{"inputs":[{"catalogName":"lake","schema":"deid","table":"residents","columns":[]},
                                         {"catalogName":"system","schema":"runtime","table":"nodes","columns":[]}]},
                 "createTime":1764028800.125,"endTime":1764028801.5}
                """;

        QueryEvent event = json.fromTrino(trinoEvent);

        assertThat(event).isEqualTo(new QueryEvent("20261125_000001_00003_abcde", "planner", List.of("deid.residents"),
                "FINISHED", Optional.empty(), Instant.ofEpochMilli(1764028800125L), Optional.of(Instant.ofEpochMilli(1764028801500L))));
        String spooled = json.toSpoolLine(event);
        assertThat(spooled).doesNotContain("27128").doesNotContain("SELECT");
        assertThat(json.fromSpoolLine(spooled)).isEqualTo(event);
    }

    @Test
    void aDeniedQueryKeepsItsErrorCodeAndTheTableItTriedToRead() {
        QueryEvent event = json.fromTrino("""
                {"metadata":{"queryId":"q2","queryState":"FAILED"},"context":{"user":"planner"},
                 "ioMetadata":{"inputs":[]},"failureInfo":{"errorCode":{"code":4,"name":"PERMISSION_DENIED"},
                   "failureMessage":"Access Denied: Cannot select from table lake.raw.residents"},
                 "createTime":"2026-11-25T00:00:00Z"}
                """);

        assertThat(event.errorCode()).contains("PERMISSION_DENIED");
        assertThat(event.tables()).containsExactly("raw.residents");
        assertThat(json.fromSpoolLine(json.toSpoolLine(event))).isEqualTo(event);
    }

    @Test
    void anEventWithoutQueryIdOrUserIsRefused() {
        assertThatThrownBy(() -> json.fromTrino("""
                {"metadata":{"queryState":"FINISHED"},"context":{},"createTime":"2026-11-25T00:00:00Z"}
                """)).isInstanceOf(IllegalArgumentException.class);
    }
}
