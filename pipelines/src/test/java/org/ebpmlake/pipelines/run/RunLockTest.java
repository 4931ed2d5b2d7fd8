package org.ebpmlake.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.spark.sql.Row;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.TemporaryLake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The run lock on a real Iceberg catalog: one holder at a time, named to whoever is refused, and broken only when stale. */
@ExtendWith(LakeExtension.class)
class RunLockTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void aSecondRunIsRefusedWithTheHoldersNameAndSince(TemporaryLake lake) {
        try (RunLock first = RunLock.acquire(lake.spark(), lake.settings(), "run-first", Duration.ZERO, clock, line -> { })) {
            assertThatThrownBy(() -> RunLock.acquire(lake.spark(), lake.settings(), "run-second", Duration.ZERO, clock, line -> { }))
                    .isInstanceOfSatisfying(LakeException.class, busy -> assertThat(busy.category()).isEqualTo(ErrorCategory.LAKE_BUSY))
                    .hasMessageContaining(first.holder().name()).hasMessageContaining("run-first")
                    .hasMessageContaining(first.holder().since().toString());
            assertThat(RunLock.holder(lake.spark(), lake.settings())).contains(first.holder());
        }
        assertThat(RunLock.holder(lake.spark(), lake.settings())).isEmpty();
    }

    @Test
    void aRunGivenTimeWaitsForTheHolderToLetGo(TemporaryLake lake) {
        List<String> progress = new CopyOnWriteArrayList<>();
        RunLock first = RunLock.acquire(lake.spark(), lake.settings(), "run-first", Duration.ZERO, clock, line -> { });
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(first::close, 3, TimeUnit.SECONDS);
            try (RunLock second = RunLock.acquire(lake.spark(), lake.settings(), "run-second", Duration.ofMinutes(2), clock, progress::add)) {
                assertThat(second.holder().runId()).isEqualTo("run-second");
            }
        } finally {
            later.shutdownNow();
        }
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("waiting for the lake").contains("run-first"));
        assertThat(endings(lake)).containsExactlyInAnyOrder("run-first released", "run-second released");
    }

    @Test
    void aLockWhoseProcessIsGoneFromThisHostIsBrokenAsStaleAndItsPeriodRecorded(TemporaryLake lake)
            throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Instant now = clock.instant();
        plant(lake, new RunLock.Holder("crashed@" + host + " pid " + gone.pid(), host, gone.pid(), "run-crashed", now, now));
        List<String> progress = new CopyOnWriteArrayList<>();

        try (RunLock next = RunLock.acquire(lake.spark(), lake.settings(), "run-next", Duration.ZERO, clock, progress::add)) {
            assertThat(next.holder().runId()).isEqualTo("run-next");
        }

        assertThat(progress).anySatisfy(line -> assertThat(line).contains("broke the stale run lock").contains("run-crashed"));
        assertThat(endings(lake)).anySatisfy(ending -> assertThat(ending).startsWith("run-crashed stale: broken by"));
    }

    @Test
    void aHolderOnAnotherHostIsRespectedUntilItHasNotRenewedForTheStaleLimit(TemporaryLake lake) {
        Instant now = clock.instant();
        plant(lake, new RunLock.Holder("steward@elsewhere pid 42", "elsewhere", 42, "run-elsewhere", now.minusSeconds(3600), now));

        assertThatThrownBy(() -> RunLock.acquire(lake.spark(), lake.settings(), "run-here", Duration.ZERO, clock, line -> { }))
                .hasMessageContaining("steward@elsewhere pid 42");

        plant(lake, new RunLock.Holder("steward@elsewhere pid 42", "elsewhere", 42, "run-elsewhere", now.minusSeconds(3600),
                now.minus(Duration.ofSeconds(lake.settings().intOption("lake.run-lock.stale-after-seconds", 300) + 1))));
        try (RunLock here = RunLock.acquire(lake.spark(), lake.settings(), "run-here", Duration.ZERO, clock, line -> { })) {
            assertThat(here.holder().host()).isNotEqualTo("elsewhere");
        }
    }

    /** Writes a holder into the lock's table properties as another process would have. */
    private static void plant(TemporaryLake lake, RunLock.Holder holder) {
        RunLock.holder(lake.spark(), lake.settings());
        TableOperations operations = ((HasTableOperations) LakeSession.icebergCatalog(lake.spark(), lake.settings())
                .loadTable(RunLock.TABLE.identifier())).operations();
        TableMetadata base = operations.refresh();
        Map<String, String> properties = new HashMap<>(base.properties());
        properties.putAll(holder.properties());
        operations.commit(base, base.replaceProperties(properties));
    }

    private static List<String> endings(TemporaryLake lake) {
        return lake.spark().table(lake.table("ops.run_lock")).collectAsList().stream()
                .map((Row row) -> row.<String>getAs("run_id") + " " + row.<String>getAs("ended")).toList();
    }
}
