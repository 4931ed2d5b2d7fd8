package org.ebpmlake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LakeSettingsLoaderTest {
    private final Path root = LakeExtension.repositoryRoot();

    @Test
    void theLocalDefaultIsAWarehouseUnderVarWithASqliteCatalogInside() {
        LakeSettings settings = new LakeSettingsLoader(root, Map.of()).load();

        assertThat(settings.environment()).isEqualTo("local");
        assertThat(settings.warehouse()).isEqualTo(root.resolve("var/lake").toAbsolutePath().normalize());
        assertThat(settings.catalogUri()).isEqualTo("jdbc:sqlite:" + settings.warehouse().resolve("catalog.db"));
        assertThat(settings.siteDirectory()).isEqualTo(root.resolve("var/site").toAbsolutePath().normalize());
        assertThat(settings.catalogName()).isEqualTo("lake");
    }

    @Test
    void environmentVariablesOverrideAnyKey() {
        LakeSettings settings = new LakeSettingsLoader(root, Map.of(
                "LAKE_WAREHOUSE", "/tmp/other-lake",
                "LAKE_SPARK_MASTER", "local[1]",
                "LAKE_SAMPLE_SEED", "11")).load();

        assertThat(settings.warehouse()).isEqualTo(Path.of("/tmp/other-lake"));
        assertThat(settings.catalogUri()).isEqualTo("jdbc:sqlite:/tmp/other-lake/catalog.db");
        assertThat(settings.sparkMaster()).isEqualTo("local[1]");
        assertThat(settings.intOption("lake.sample.seed", 0)).isEqualTo(11);
        assertThat(LakeSettingsLoader.variableFor("spark.sql.shuffle.partitions")).isEqualTo("LAKE_SPARK_SQL_SHUFFLE_PARTITIONS");
    }

    @Test
    void anUnknownEnvironmentIsAClearError() {
        assertThatThrownBy(() -> new LakeSettingsLoader(root, Map.of("LAKE_ENV", "staging")).load())
                .hasMessageContaining("no configuration file")
                .hasMessageContaining("staging.properties");
    }
}
