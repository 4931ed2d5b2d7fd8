package org.ebpmlake.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DX office's declared reporting duties: one per KPI, marked as samples, and the due dates they imply. */
class KpiReportingDutiesTest {
    @Test
    void everyCataloguedKpiHasExactlyOneDutyAndEveryShippedDutyIsMarkedAsASample() {
        KpiReportingDuties duties = KpiReportingDuties.load();

        assertThat(duties.all()).hasSameSizeAs(KpiCatalogFile.load());
        for (KpiDefinition kpi : KpiCatalogFile.load()) {
            assertThat(duties.of(kpi.kpiId())).as(kpi.kpiId()).hasValueSatisfying(duty -> assertThat(duty.sample()).isTrue());
        }
    }

    @Test
    void anAnnualFigureIsDueTheDeclaredDaysAfterMarchAndOverdueOnceThatDayHasPassed() {
        KpiReportingDuty annual = new KpiReportingDuty("K01-01-1", "デジタル統括室", "Digital Strategy Office",
                KpiReportingDuty.Cycle.ANNUAL, 60, true);
        LocalDate asOf = LocalDate.of(2025, 3, 31);

        assertThat(annual.nextDueAfter(asOf)).isEqualTo(LocalDate.of(2025, 5, 30));
        // FY2023's figure was due on 2024-05-30; with FY2022 the latest reported, it has been owed since then.
        assertThat(annual.overdueSince(Optional.of(2022), 2023, asOf)).contains(LocalDate.of(2024, 5, 30));
        assertThat(annual.overdueSince(Optional.of(2023), 2023, asOf)).isEmpty();
        assertThat(annual.overdueSince(Optional.empty(), 2023, asOf)).contains(LocalDate.of(2024, 5, 30));
    }

    @Test
    void aQuarterlyFigureIsDueAfterEachQuarter() {
        KpiReportingDuty quarterly = new KpiReportingDuty("K01-04-1", "市民局", "Civic Affairs Bureau", KpiReportingDuty.Cycle.QUARTERLY, 30, true);

        assertThat(quarterly.nextDueAfter(LocalDate.of(2025, 3, 31))).isEqualTo(LocalDate.of(2025, 4, 30));
        assertThat(quarterly.nextDueAfter(LocalDate.of(2025, 5, 1))).isEqualTo(LocalDate.of(2025, 7, 30));
    }
}
