package org.ebpmlake.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SparkClusterSettingsTest {
    @Test
    void refusesAMemorySizeSparkWouldNotRead() {
        assertThatThrownBy(() -> settings("2 GB")).hasMessageContaining("lake.spark-cluster.worker-memory").hasMessageContaining("2 GB");
    }

    @Test
    void submitsToTheMasterOnLoopbackAndReadsItsStateFromItsWebUi() {
        SparkClusterSettings settings = settings("2g");

        assertThat(settings.masterUrl()).isEqualTo("spark://127.0.0.1:17077");
        assertThat(settings.masterState()).hasToString("http://127.0.0.1:18180/json/");
    }

    private static SparkClusterSettings settings(String workerMemory) {
        return new SparkClusterSettings(Path.of("spark"), Path.of("var/services/spark"), 17077, 18180, 2, 1, workerMemory, "1g", "1g",
                Path.of("secret"));
    }
}
