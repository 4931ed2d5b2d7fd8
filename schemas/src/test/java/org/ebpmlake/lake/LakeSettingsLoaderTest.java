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

    @Test
    void theClusterEnvironmentExtendsLocalWithAPostgresCatalogAndNoMachineLocalWarehouse() {
        assertThatThrownBy(() -> new LakeSettingsLoader(root, Map.of("LAKE_ENV", "cluster")).load())
                .hasMessageContaining("cluster.properties")
                .hasMessageContaining("LAKE_WAREHOUSE");

        LakeSettings settings = new LakeSettingsLoader(root, Map.of("LAKE_ENV", "cluster", "LAKE_WAREHOUSE", "/shared/lake")).load();

        assertThat(settings.environment()).isEqualTo("cluster");
        assertThat(settings.warehouse()).isEqualTo(Path.of("/shared/lake"));
        assertThat(settings.catalogUri()).startsWith("jdbc:postgresql://127.0.0.1:");
        assertThat(settings.option("lake.catalog.user")).contains("lake");
        assertThat(settings.sparkMaster()).startsWith("spark://127.0.0.1:");
        // Everything else is local's, and local's keys can still be overridden by their variables.
        LakeSettings local = new LakeSettingsLoader(root, Map.of()).load();
        assertThat(settings.option("lake.education.minimum-group")).isEqualTo(local.option("lake.education.minimum-group"));
        assertThat(settings.options()).doesNotContainKey("lake.extends");
        assertThat(new LakeSettingsLoader(root, Map.of("LAKE_ENV", "cluster", "LAKE_WAREHOUSE", "/shared/lake",
                "LAKE_EDUCATION_MINIMUM_GROUP", "20")).load().intOption("lake.education.minimum-group", 0)).isEqualTo(20);
    }

    @Test
    void anEnvironmentThatExtendsItselfIsRefused(@org.junit.jupiter.api.io.TempDir Path project) throws java.io.IOException {
        java.nio.file.Files.createDirectories(project.resolve("conf"));
        java.nio.file.Files.writeString(project.resolve("conf/a.properties"), "lake.extends=b\n");
        java.nio.file.Files.writeString(project.resolve("conf/b.properties"), "lake.extends=a\n");

        assertThatThrownBy(() -> new LakeSettingsLoader(project, Map.of("LAKE_ENV", "a")).load())
                .hasMessageContaining("loop").hasMessageContaining("a → b");
    }
}
