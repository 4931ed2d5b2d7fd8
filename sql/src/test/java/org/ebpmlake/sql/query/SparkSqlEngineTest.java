package org.ebpmlake.sql.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.sql.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class SparkSqlEngineTest {
    @Test
    void embeddedSqlUsesTheSameTableNamesAndGuardsTheRoleIncludingSubqueries(TemporaryLake lake) {
        lake.withTables();
        lake.spark().sql("INSERT INTO " + lake.table("deid.residents") + " VALUES ('20-39', '1', '27128', '日本', true)");
        SparkSqlEngine planner = new SparkSqlEngine(lake.spark(), lake.settings(), Role.PLANNER);

        assertThat(planner.execute("SELECT count(*) AS n FROM deid.residents").rows()).containsExactly(java.util.List.of("1"));
        assertThatThrownBy(() -> planner.execute("SELECT * FROM raw.residents"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("raw.residents を参照できません");
        assertThatThrownBy(() -> planner.execute(
                "SELECT count(*) FROM deid.residents WHERE EXISTS (SELECT 1 FROM curated.residents)"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("curated.residents");
        assertThat(new SparkSqlEngine(lake.spark(), lake.settings(), Role.STEWARD).execute("SELECT count(*) FROM raw.residents").rows())
                .containsExactly(java.util.List.of("0"));
    }
}
