package org.ebpmlake.lake.services;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/**
 * Whether a service started in the background is ready: its health endpoint answers, and waiting for that fails at
 * once, naming the log, when one of its processes has already stopped, so {@code ./lake services up} never waits out
 * its timeout for a crashed server. Every service of the platform waits the same way.
 */
public final class Readiness {
    private Readiness() {
    }

    /** Whether {@code GET url} answers 200 within a few seconds. */
    public static boolean answers(URI url) {
        requireNonNull(url, "url is null");
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until {@code ready} says so; throws when a process of {@code processes} stops first, or after {@code timeout}.
     *
     * @param logs where to look when it fails (a log file, or the folder of several)
     */
    public static void await(String service, BooleanSupplier ready, List<ServiceProcess> processes, Duration timeout, Object logs) {
        requireNonNull(service, "service is null");
        requireNonNull(ready, "ready is null");
        requireNonNull(processes, "processes is null");
        requireNonNull(timeout, "timeout is null");
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            for (ServiceProcess process : processes) {
                if (!process.running()) {
                    throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, process.name() + " が停止しました / " + process.name()
                            + " stopped while starting; see " + process.logFile());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, service + " が " + timeout.toSeconds() + " 秒以内に起動しませんでした"
                        + " / " + service + " was not ready within " + timeout.toSeconds() + " s; see " + logs);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "interrupted while waiting for " + service, e);
            }
        }
    }
}
