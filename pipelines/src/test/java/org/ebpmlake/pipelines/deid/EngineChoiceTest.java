package org.ebpmlake.pipelines.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.ebpmlake.lake.LakeSettings;
import org.junit.jupiter.api.Test;

class EngineChoiceTest {
    private static final long GIGABYTE = 1L << 30;
    private final LakeSettings settings = new LakeSettings("test", Path.of("var/lake"), "lake", "jdbc:sqlite::memory:",
            "local[1]", Path.of("var/site"), Path.of("var/sources"), Map.of());

    @Test
    void autoKeepsRowsThatFitInMemoryAndHandsTheRestToSpark() {
        assertThat(EngineChoice.of(settings, 100_000, 5, GIGABYTE).engine()).isEqualTo(EngineChoice.Engine.MEMORY);
        EngineChoice city = EngineChoice.of(settings, 50_000_000, 5, GIGABYTE);
        assertThat(city.engine()).isEqualTo(EngineChoice.Engine.SPARK);
        assertThat(city.reason()).contains("50,000,000 rows").contains("too little for memory");
    }

    @Test
    void theSettingsMayForceAnEngineOrSetTheBudget() {
        assertThat(EngineChoice.of(settings.withOption("lake.anonymize.engine", "spark"), 10, 5, GIGABYTE).engine())
                .isEqualTo(EngineChoice.Engine.SPARK);
        assertThat(EngineChoice.of(settings.withOption("lake.anonymize.engine", "memory"), 50_000_000, 5, GIGABYTE).engine())
                .isEqualTo(EngineChoice.Engine.MEMORY);
        assertThat(EngineChoice.of(settings.withOption("lake.anonymize.memory-budget-mb", "1"), 100_000, 5, GIGABYTE).engine())
                .isEqualTo(EngineChoice.Engine.SPARK);
        assertThatThrownBy(() -> EngineChoice.of(settings.withOption("lake.anonymize.engine", "gpu"), 10, 5, GIGABYTE))
                .hasMessageContaining("lake.anonymize.engine must be auto, memory or spark");
    }
}
