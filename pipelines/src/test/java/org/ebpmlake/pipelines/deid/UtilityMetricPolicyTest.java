package org.ebpmlake.pipelines.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ebpmlake.anonymize.search.AggregateFunction;
import org.ebpmlake.anonymize.search.UtilityMetric;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.schemas.DatasetCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The utility metric a policy declares ({@code utility_metric}): read into the engine's metric, and a wrong name,
 * weight or gs-factor refused at load time in one line naming the file and its line.
 */
class UtilityMetricPolicyTest {
    private static final Path POLICIES = LakeExtension.repositoryRoot().resolve("conf/privacy");
    private final DatasetCatalog catalog = DatasetCatalog.load();

    @TempDir
    Path directory;

    /** The residents' policy with its utility_metric line replaced by the given one. */
    private PrivacyPolicy residentsWith(String utilityMetric) throws IOException {
        String policy = Files.readString(POLICIES.resolve("residents.yaml"))
                .replaceAll("(?m)^utility_metric:.*$", "").stripTrailing() + "\n" + utilityMetric + "\n";
        Files.writeString(directory.resolve("residents.yaml"), policy);
        return PrivacyPolicy.load(directory, "residents", catalog);
    }

    @Test
    void aPolicyWithoutAMetricMinimisesArxLoss() throws IOException {
        assertThat(residentsWith("").metric()).isEqualTo(UtilityMetric.loss());
    }

    @Test
    void theDeclaredMetricWithItsFactorAggregateAndWeightsReachesTheEngine() throws IOException {
        PrivacyPolicy policy = residentsWith("utility_metric: {name: precision, gs_factor: 0.25, aggregate: sum,"
                + " weights: {age_band: 1.0, ward_code: 0.2}}");

        UtilityMetric metric = policy.specification(query -> List.of()).metric();
        assertThat(metric.kind()).isEqualTo(UtilityMetric.Kind.PRECISION);
        assertThat(metric.gsFactor()).isEqualTo(0.25);
        assertThat(metric.aggregateFunction()).isEqualTo(AggregateFunction.SUM);
        assertThat(metric.attributeWeights()).isEqualTo(Map.of("age_band", 1.0, "ward_code", 0.2));
    }

    @Test
    void anUnknownMetricIsRefusedNamingTheFileAndLine() {
        assertThatThrownBy(() -> residentsWith("utility_metric: {name: los}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("privacy policy " + directory.resolve("residents.yaml") + ", line ")
                .hasMessageEndingWith(": unknown utility metric 'los'; the metrics are loss, aecs, discernibility, precision,"
                        + " entropy")
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aNegativeWeightIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> residentsWith("utility_metric: {name: loss, weights: {age_band: -1}}"))
                .hasMessageStartingWith("privacy policy " + directory.resolve("residents.yaml"))
                .hasMessageEndingWith("the weight of age_band must be a number ≥ 0, got -1.0");
    }

    @Test
    void aWeightOfAColumnThatIsNoQuasiIdentifierIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> residentsWith("utility_metric: {name: entropy, weights: {has_my_number_card: 1}}"))
                .hasMessageStartingWith("privacy policy " + directory.resolve("residents.yaml"))
                .hasMessageContaining("utility_metric weighs has_my_number_card, which is not a quasi-identifier");
    }

    @Test
    void aGsFactorOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> residentsWith("utility_metric: {name: aecs, gs_factor: 2}"))
                .hasMessageEndingWith("the gs-factor must be in [0, 1], got 2.0");
    }
}
