package org.ebpmlake.sql.trino;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ebpmlake.lake.services.ServiceProcess;

/**
 * Trino as a single-node coordinator on 127.0.0.1, started from the installed server on the newer JDK.
 * Health is Trino's own {@code /v1/info} answering {@code "starting":false}.
 */
public final class TrinoServer {
    private final TrinoSettings settings;
    private final ServiceProcess process;
    /** Longer than the scheduler's five-second cache of the active nodes. */
    private static final Duration SCHEDULER_SETTLE = Duration.ofSeconds(6);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public TrinoServer(TrinoSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.process = new ServiceProcess("trino", settings.runtime().resolve("trino.pid"),
                settings.runtime().resolve("log").resolve("server.log"));
    }

    public ServiceProcess process() {
        return process;
    }

    public void start(Path etc) {
        requireNonNull(etc, "etc is null");
        Path data = settings.runtime().resolve("data");
        List<String> command = List.of(NewerJdk.javaExecutable(System.getenv()).toString(),
                "-Xmx2G", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-Djdk.attach.allowAttachSelf=true",
                "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                "-Dnode.environment=lake", "-Dnode.id=" + UUID.nameUUIDFromBytes(data.toString().getBytes()),
                // Airlift binds every HTTP and HTTPS port to this address: loopback only, never all interfaces.
                "-Dnode.bind-ip=127.0.0.1", "-Dnode.internal-address=127.0.0.1",
                "-Dnode.data-dir=" + data,
                "-Dconfig=" + etc.resolve("config.properties"),
                "-Dlog.levels-file=" + etc.resolve("log.properties"),
                "-cp", settings.installation().resolve("lib").toString() + "/*",
                "io.trino.server.TrinoServer");
        process.start(command, settings.runtime(), Map.of());
    }

    public boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.httpPort() + "/v1/info"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"starting\":false");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits for the health check, giving up early if the process dies; the log file says why. Then waits a few seconds
     * more: a coordinator answers {@code "starting":false} before its own worker's discovery announcement has reached
     * the scheduler, whose view of the nodes is cached for five seconds, so a query sent at once can fail with "No nodes
     * available to run query" (trinodb/trino#2214). Seen here as an intermittent failure of the first query after start.
     */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (healthy()) {
                pause(SCHEDULER_SETTLE);
                return;
            }
            if (!process.running()) {
                throw new IllegalStateException("Trino stopped while starting; see " + process.logFile());
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Trino was not healthy within " + timeout.toSeconds() + " s; see " + process.logFile());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Trino", e);
        }
    }

    public void stop() {
        process.stop();
    }
}
