package org.ebpmlake.sql;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.lake.services.Readiness;
import org.ebpmlake.lake.services.ServiceProcess;
import org.ebpmlake.pipelines.ops.Progress;
import org.ebpmlake.sql.access.SqlUsers;
import org.ebpmlake.sql.trino.TrinoConfiguration;
import org.ebpmlake.sql.trino.TrinoInstallation;
import org.ebpmlake.sql.trino.TrinoServer;
import org.ebpmlake.sql.trino.TrinoSettings;

/**
 * The platform's servers as one unit: {@code up} installs what is missing and starts the audit receiver and
 * Trino on 127.0.0.1, each checked for health; {@code down} stops them; {@code status} names each with its
 * state and log file.
 */
public final class SqlServices {
    private final LakeSettings lake;
    private final TrinoSettings settings;
    private final Progress progress;
    private final ServiceProcess auditReceiver;
    private final TrinoServer trino;

    public SqlServices(LakeSettings lake, TrinoSettings settings, Progress progress) {
        this.lake = requireNonNull(lake, "lake is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.auditReceiver = new ServiceProcess("audit-receiver", settings.servicesDirectory().resolve("audit").resolve("receiver.pid"),
                settings.servicesDirectory().resolve("audit").resolve("receiver.log"));
        this.trino = new TrinoServer(settings);
    }

    public SqlUsers users() {
        return SqlUsers.readOrCreateLocal(settings.usersFile());
    }

    public TrinoConfiguration configuration() {
        return new TrinoConfiguration(settings, lake, users());
    }

    /**
     * Starts everything. The audit receiver runs in a JVM of its own, started with this JVM's classpath and
     * {@code receiverCommand} (the launcher's hidden subcommand).
     */
    public void up(List<String> receiverCommand) {
        requireNonNull(receiverCommand, "receiverCommand is null");
        // Configuration, secrets, logs and spools live here: another local user must not enter the folder.
        OwnerOnlyFiles.createDirectories(settings.servicesDirectory());
        OwnerOnlyFiles.restrictFolder(settings.servicesDirectory());
        new TrinoInstallation(settings, progress).ensureInstalled();
        TrinoConfiguration configuration = configuration();
        configuration.write();
        if (!auditReceiver.running()) {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path")));
            command.addAll(receiverCommand);
            auditReceiver.start(command, settings.servicesDirectory(), Map.of());
        }
        if (!trino.process().running()) {
            trino.start(configuration.etc());
        }
        Readiness.await("audit receiver", this::receiverHealthy, List.of(auditReceiver), Duration.ofSeconds(60), auditReceiver.logFile());
        trino.awaitHealthy(Duration.ofMinutes(3));
        progress.report("Trino: " + settings.jdbcUrl(lake.catalogName()) + " (healthy)");
    }

    public void down() {
        trino.stop();
        auditReceiver.stop();
    }

    public boolean trinoHealthy() {
        return trino.healthy();
    }

    public List<String> status() {
        List<String> lines = new ArrayList<>();
        lines.add(trino.process().statusLine(trino.healthy(), settings.jdbcUrl(lake.catalogName())));
        lines.add(auditReceiver.statusLine(receiverHealthy(), "http://127.0.0.1:" + settings.auditPort() + "/events"));
        return lines;
    }

    public Path auditSpool() {
        return settings.auditSpool();
    }

    private boolean receiverHealthy() {
        return Readiness.answers(URI.create("http://127.0.0.1:" + settings.auditPort() + "/health"));
    }
}
