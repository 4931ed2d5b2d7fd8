package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeSettingsLoader;
import org.ebpmlake.lake.ListeningSockets;
import org.ebpmlake.sql.trino.TrinoInstallation;
import org.ebpmlake.sql.trino.TrinoSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lake services up}, as a steward starts it on a shared host: everything it starts listens on 127.0.0.1
 * only, everything it writes is readable by its owner only, and the audit receiver takes no event from anyone else.
 */
class ServicesIT {
    @Test
    void servicesListenOnLoopbackOnlyWriteOwnerOnlyFilesAndRefuseForgedAuditEvents(@TempDir Path directory) throws Exception {
        Path root = LakeExtension.repositoryRoot();
        LakeSettings repository = new LakeSettingsLoader(root, Map.of()).load();
        Path installed = new TrinoInstallation(TrinoSettings.from(repository, root), line -> { }).ensureInstalled();
        Path services = Files.createDirectories(directory.resolve("services"));
        Files.createSymbolicLink(services.resolve(installed.getFileName()), installed);
        int auditPort = freePort();
        Map<String, String> environment = Map.of(
                "LAKE_WAREHOUSE", directory.resolve("lake").toString(),
                "LAKE_SERVICES_DIRECTORY", services.toString(),
                "LAKE_SQL_USERS_FILE", directory.resolve("secrets/sql-users.txt").toString(),
                "LAKE_TRINO_HTTP_PORT", Integer.toString(freePort()),
                "LAKE_TRINO_HTTPS_PORT", Integer.toString(freePort()),
                "LAKE_AUDIT_PORT", Integer.toString(auditPort),
                // Every service on a port of its own, never a default another clone's services may hold,
                "LAKE_AIRFLOW_PORT", Integer.toString(freePort()),
                "LAKE_SUPERSET_PORT", Integer.toString(freePort()),
                // and secrets of its own, never the repository's var/secrets.
                "LAKE_AIRFLOW_PASSWORDS_FILE", directory.resolve("secrets/airflow-passwords.json").toString(),
                "LAKE_SUPERSET_SECRETS_DIRECTORY", directory.resolve("secrets").toString());
        try {
            String up = lake(root, environment, "services", "up");
            assertThat(up).contains("Trino").contains("稼働中 / up");

            long trinoPid = pid(services.resolve("trino/trino.pid"));
            long receiverPid = pid(services.resolve("audit/receiver.pid"));
            long supersetPid = pid(services.resolve("superset/home/superset.pid"));
            List<String> listening = ListeningSockets.of(trinoPid, receiverPid, supersetPid);
            assertThat(listening).contains("127.0.0.1:" + auditPort, "127.0.0.1:" + environment.get("LAKE_SUPERSET_PORT"))
                    .allSatisfy(address -> assertThat(ListeningSockets.isLoopback(address)).as(address).isTrue());
            assertThat(exposedFiles(services, directory.resolve("secrets"))).isEmpty();

            HttpResponse<String> forged = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + auditPort + "/events")).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"metadata\":{\"queryId\":\"forged\"},\"context\":{\"user\":\"planner\"},\"createTime\":\"2026-01-01T00:00:00Z\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(401);
        } finally {
            lake(root, environment, "services", "down");
        }
        assertThat(lake(root, environment, "services", "status")).contains("停止 / down");
    }

    private static List<String> exposedFiles(Path... roots) throws IOException {
        List<String> exposed = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.filter(path -> !Files.isSymbolicLink(path)).toList()) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                    if (permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER"))) {
                        exposed.add(path.toString());
                    }
                }
            }
        }
        return exposed;
    }

    private static long pid(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }

    private static String lake(Path root, Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("lake").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
