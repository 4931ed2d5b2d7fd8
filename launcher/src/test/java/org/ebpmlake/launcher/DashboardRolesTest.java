package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebpmlake.dashboards.declaration.ChartDeclaration;
import org.ebpmlake.dashboards.declaration.DashboardCatalog;
import org.ebpmlake.dashboards.declaration.DashboardDeclaration;
import org.ebpmlake.sql.access.Role;
import org.junit.jupiter.api.Test;

/** The role each dashboard declares exists and may read every table its charts read, in SQL as on the site. */
class DashboardRolesTest {
    @Test
    void everyDashboardsRoleReadsEveryTableOfItsCharts() {
        for (DashboardDeclaration dashboard : DashboardCatalog.load().all()) {
            Role role = Role.fromCode(dashboard.role());
            for (ChartDeclaration chart : dashboard.charts()) {
                for (String table : chart.martTables()) {
                    assertThat(role.canRead("mart", table.substring("mart.".length())))
                            .as("%s (%s) reads %s for chart %s", dashboard.id(), role.code(), table, chart.id()).isTrue();
                }
            }
        }
    }
}
