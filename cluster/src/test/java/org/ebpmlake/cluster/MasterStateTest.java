package org.ebpmlake.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasterStateTest {
    /** Trimmed from what Spark 3.5.9's Master answered on /json/ with two Workers, one application and one driver ended. */
    private static final String ANSWER = """
            {
              "url" : "spark://127.0.0.1:17077",
              "workers" : [ { "id" : "worker-1", "state" : "ALIVE" }, { "id" : "worker-2", "state" : "ALIVE" } ],
              "aliveworkers" : 2,
              "activeapps" : [ ],
              "completedapps" : [ { "id" : "app-20261129125042-0000", "name" : "ebpm-lake", "cores" : 1, "state" : "FINISHED" } ],
              "activedrivers" : [ { "id" : "driver-20261129125037-0002", "state" : "RUNNING", "worker" : "worker-2" } ],
              "completeddrivers" : [ { "id" : "driver-20261129125037-0001", "state" : "FAILED", "worker" : "worker-1" } ],
              "status" : "ALIVE"
            }
            """;

    @Test
    void readsAliveWorkersApplicationsAndDriversWithTheirStates() {
        MasterState state = MasterState.parse(ANSWER);

        assertThat(state.aliveWorkers()).isEqualTo(2);
        assertThat(state.applications()).containsExactly(new MasterState.Application("app-20261129125042-0000", "ebpm-lake", "FINISHED", 1));
        assertThat(state.driver("driver-20261129125037-0001")).hasValue(
                new MasterState.Driver("driver-20261129125037-0001", DriverState.FAILED, "worker-1"));
        assertThat(state.driver("driver-20261129125037-0002").orElseThrow().state().ended()).isFalse();
        assertThat(state.driver("driver-0")).isEmpty();
    }
}
