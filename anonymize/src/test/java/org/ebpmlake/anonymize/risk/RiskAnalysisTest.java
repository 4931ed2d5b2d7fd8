package org.ebpmlake.anonymize.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RiskAnalysisTest {
    @Test
    void prosecutorRiskIsOneOverTheClassSize() {
        // Classes of 2, 4 and 4 records: highest 1/2; average 3 classes / 10 records; the 2 records of the
        // class of 2 have risk 0.5 > 0.3.
        ReidentificationRisks risks = new RiskAnalysis(0.3).analyze(List.of(2L, 4L, 4L));

        assertThat(risks.prosecutor().highest()).isCloseTo(0.5, within(1e-12));
        assertThat(risks.prosecutor().average()).isCloseTo(0.3, within(1e-12));
        assertThat(risks.prosecutor().recordsAboveThreshold()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void journalistWithoutPopulationEqualsProsecutorAndMarketerIsClassesPerRecord() {
        ReidentificationRisks risks = new RiskAnalysis(0.1).analyze(List.of(5L, 5L, 10L));

        assertThat(risks.journalist()).isEqualTo(risks.prosecutor());
        assertThat(risks.marketer()).isCloseTo(3.0 / 20, within(1e-12));
    }

    @Test
    void anEmptyReleaseCarriesNoRisk() {
        assertThat(new RiskAnalysis(0.2).analyze(List.of()).prosecutor()).isEqualTo(new AttackerRisk(0, 0, 0));
    }
}
