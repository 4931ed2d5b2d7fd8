package org.ebpmlake.sql.trino;

import static java.util.Objects.requireNonNull;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.OwnerOnlyFiles;
import org.ebpmlake.sql.audit.AuditSecret;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.SqlUser;
import org.ebpmlake.sql.access.SqlUsers;
import org.ebpmlake.schemas.PolicyTiers;
import org.ebpmlake.schemas.PrivacyTier;

/**
 * Writes the running server's {@code etc/}: the Iceberg catalog pointing at the lake's own catalog database
 * (the same one Spark commits to, so nothing is copied and nothing can drift), password authentication over
 * HTTPS with a self-signed certificate for 127.0.0.1, file-based access control rendered from {@link Role}
 * ({@link TrinoAccessRules}), and the HTTP event listener that sends every completed query, with the audit secret,
 * to the audit receiver. Every file is readable by its owner only. Beside the lake's read-only catalog the stewards
 * get a maintenance catalog on the same Iceberg catalog, the only place table procedures can run.
 */
public final class TrinoConfiguration {
    private final TrinoSettings settings;
    private final LakeSettings lake;
    private final SqlUsers users;

    public TrinoConfiguration(TrinoSettings settings, LakeSettings lake, SqlUsers users) {
        this.settings = requireNonNull(settings, "settings is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.users = requireNonNull(users, "users is null");
    }

    public Path etc() {
        return settings.runtime().resolve("etc");
    }

    public Path trustStore() {
        return etc().resolve("truststore.p12");
    }

    /**
     * The server's self-signed certificate (PEM), for clients that take a certificate file rather than a trust store,
     * such as Superset's Trino driver.
     */
    public Path certificate() {
        return etc().resolve("trino.crt");
    }

    /** The trust store's password: it protects nothing secret (a public certificate), so it is fixed. */
    public static String trustStorePassword() {
        return "ebpm-lake-truststore";
    }

    public void write() {
        Path etc = etc();
        OwnerOnlyFiles.createDirectories(etc.resolve("catalog"));
        OwnerOnlyFiles.restrictFolder(settings.runtime());
        String sharedSecret = randomSecret();
        String keyStorePassword = ensureCertificate();
        AuditSecret auditSecret = AuditSecret.readOrCreate(settings.auditSecretFile());
        String maintenanceCatalog = TrinoSettings.maintenanceCatalogName(lake.catalogName());
        write(etc.resolve("config.properties"), Map.ofEntries(
                Map.entry("coordinator", "true"),
                Map.entry("node-scheduler.include-coordinator", "true"),
                Map.entry("http-server.http.port", Integer.toString(settings.httpPort())),
                Map.entry("http-server.https.enabled", "true"),
                Map.entry("http-server.https.port", Integer.toString(settings.httpsPort())),
                Map.entry("http-server.https.keystore.path", etc.resolve("keystore.p12").toString()),
                Map.entry("http-server.https.keystore.key", keyStorePassword),
                Map.entry("http-server.authentication.type", "PASSWORD"),
                // A failed request answers with a message, never with the server's stack trace.
                Map.entry("http-server.show-stack-trace", "false"),
                Map.entry("internal-communication.shared-secret", sharedSecret),
                Map.entry("discovery.uri", "http://127.0.0.1:" + settings.httpPort()),
                Map.entry("catalog.config-dir", etc.resolve("catalog").toString()),
                Map.entry("plugin.dir", settings.installation().resolve("plugin").toString()),
                Map.entry("query.max-memory", "1GB"),
                Map.entry("query.max-memory-per-node", "1GB"),
                Map.entry("access-control.config-files", etc.resolve("access-control.properties").toString()),
                Map.entry("password-authenticator.config-files", etc.resolve("password-authenticator.properties").toString()),
                Map.entry("event-listener.config-files", etc.resolve("http-event-listener.properties").toString())));
        Map<String, String> readOnly = new LinkedHashMap<>(catalogProperties());
        // Every role reads through this catalog; no write, drop or table procedure passes its connector.
        readOnly.put("iceberg.security", "read_only");
        write(etc.resolve("catalog").resolve(lake.catalogName() + ".properties"), readOnly);
        write(etc.resolve("catalog").resolve(maintenanceCatalog + ".properties"), catalogProperties());
        write(etc.resolve("password-authenticator.properties"), Map.of(
                "password-authenticator.name", "file",
                "file.password-file", etc.resolve("password.db").toString()));
        write(etc.resolve("access-control.properties"), Map.of(
                "access-control.name", "file",
                "security.config-file", etc.resolve("rules.json").toString()));
        write(etc.resolve("http-event-listener.properties"), Map.of(
                "event-listener.name", "http",
                "http-event-listener.log-completed", "true",
                "http-event-listener.connect-ingest-uri", "http://127.0.0.1:" + settings.auditPort() + "/events",
                "http-event-listener.connect-http-headers", AuditSecret.HEADER + ": " + auditSecret.value(),
                // While the receiver is down Trino keeps each event and tries again, backing off up to a minute
                // (about ten minutes in all), so a restart of the receiver loses nothing.
                "http-event-listener.connect-retry-count", "15",
                "http-event-listener.connect-retry-delay", "1s",
                "http-event-listener.connect-backoff-base", "2",
                "http-event-listener.connect-max-delay", "1m"));
        OwnerOnlyFiles.writeString(etc.resolve("password.db"), passwordFile());
        Map<String, PrivacyTier> deidTiers = PolicyTiers.read(Path.of(lake.option("lake.privacy.policies").orElse("conf/privacy")));
        OwnerOnlyFiles.writeString(etc.resolve("rules.json"),
                new TrinoAccessRules(lake.catalogName(), maintenanceCatalog, users, deidTiers).render());
        OwnerOnlyFiles.writeString(etc.resolve("log.properties"), "io.trino=WARN\n");
    }

    Map<String, String> catalogProperties() {
        Map<String, String> catalog = new LinkedHashMap<>();
        catalog.put("connector.name", "iceberg");
        catalog.put("iceberg.catalog.type", "jdbc");
        // Spark's Iceberg catalog stores its name in every catalog row; Trino must use the same name to see them.
        catalog.put("iceberg.jdbc-catalog.catalog-name", lake.catalogName());
        catalog.put("iceberg.jdbc-catalog.connection-url", lake.catalogUri());
        catalog.put("iceberg.jdbc-catalog.driver-class",
                lake.catalogUri().startsWith("jdbc:sqlite:") ? "org.sqlite.JDBC" : "org.postgresql.Driver");
        catalog.put("iceberg.jdbc-catalog.default-warehouse-dir", lake.warehouse().toUri().toString());
        lake.option("lake.catalog.user").ifPresent(user -> catalog.put("iceberg.jdbc-catalog.connection-user", user));
        if (System.getenv("LAKE_CATALOG_PASSWORD") != null) {
            catalog.put("iceberg.jdbc-catalog.connection-password", "${ENV:LAKE_CATALOG_PASSWORD}");
        }
        catalog.put("fs.hadoop.enabled", "true");
        return catalog;
    }

    String passwordFile() {
        StringBuilder file = new StringBuilder();
        for (SqlUser user : users.all()) {
            String hash = new String(BCrypt.with(BCrypt.Version.VERSION_2Y).hash(10, user.password().toCharArray()),
                    StandardCharsets.UTF_8);
            file.append(user.name()).append(':').append(hash).append('\n');
        }
        return file.toString();
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, created once; returns the key store password. */
    private String ensureCertificate() {
        Path passwordFile = etc().resolve("keystore.password");
        Path keyStore = etc().resolve("keystore.p12");
        if (Files.exists(keyStore) && Files.exists(passwordFile) && Files.exists(trustStore())) {
            try {
                return Files.readString(passwordFile).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + passwordFile, e);
            }
        }
        String password = randomSecret();
        try {
            Files.deleteIfExists(keyStore);
            Files.deleteIfExists(trustStore());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the key store under " + etc(), e);
        }
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path certificate = certificate();
        runKeytool(List.of(keytool, "-genkeypair", "-alias", "trino", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=127.0.0.1, O=ebpm-lake", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password));
        runKeytool(List.of(keytool, "-exportcert", "-alias", "trino", "-keystore", keyStore.toString(), "-storepass", password,
                "-rfc", "-file", certificate.toString()));
        runKeytool(List.of(keytool, "-importcert", "-noprompt", "-alias", "trino", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore().toString(), "-storepass", trustStorePassword()));
        // keytool creates its files under the process's umask; the private key must be the owner's alone.
        for (Path created : List.of(keyStore, trustStore(), certificate)) {
            OwnerOnlyFiles.restrictFile(created);
        }
        OwnerOnlyFiles.writeString(passwordFile, password);
        return password;
    }

    private static void runKeytool(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Properties files hold passwords and secrets, so each is readable by its owner only. */
    private static void write(Path file, Map<String, String> properties) {
        StringBuilder content = new StringBuilder("# written by ./lake services; edits are overwritten at the next start\n");
        properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> content.append(entry.getKey()).append('=').append(entry.getValue()).append('\n'));
        OwnerOnlyFiles.writeString(file, content.toString());
    }
}
