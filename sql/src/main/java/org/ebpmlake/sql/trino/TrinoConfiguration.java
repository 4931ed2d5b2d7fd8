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
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.access.RowFilteredGrant;
import org.ebpmlake.sql.access.SqlUser;
import org.ebpmlake.sql.access.SqlUsers;

/**
 * Writes the running server's {@code etc/}: the Iceberg catalog pointing at the lake's own catalog database
 * (the same one Spark commits to, so nothing is copied and nothing can drift), password authentication over
 * HTTPS with a self-signed certificate for 127.0.0.1, file-based access control rendered from {@link Role},
 * and the HTTP event listener that sends every completed query to the audit receiver.
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

    /** The trust store's password: it protects nothing secret (a public certificate), so it is fixed. */
    public static String trustStorePassword() {
        return "ebpm-lake-truststore";
    }

    public void write() {
        Path etc = etc();
        try {
            Files.createDirectories(etc.resolve("catalog"));
            String sharedSecret = randomSecret();
            String keyStorePassword = ensureCertificate();
            write(etc.resolve("config.properties"), Map.ofEntries(
                    Map.entry("coordinator", "true"),
                    Map.entry("node-scheduler.include-coordinator", "true"),
                    Map.entry("http-server.http.port", Integer.toString(settings.httpPort())),
                    Map.entry("http-server.https.enabled", "true"),
                    Map.entry("http-server.https.port", Integer.toString(settings.httpsPort())),
                    Map.entry("http-server.https.keystore.path", etc.resolve("keystore.p12").toString()),
                    Map.entry("http-server.https.keystore.key", keyStorePassword),
                    Map.entry("http-server.authentication.type", "PASSWORD"),
                    Map.entry("internal-communication.shared-secret", sharedSecret),
                    Map.entry("discovery.uri", "http://127.0.0.1:" + settings.httpPort()),
                    Map.entry("catalog.config-dir", etc.resolve("catalog").toString()),
                    Map.entry("plugin.dir", settings.installation().resolve("plugin").toString()),
                    Map.entry("query.max-memory", "1GB"),
                    Map.entry("query.max-memory-per-node", "1GB"),
                    Map.entry("access-control.config-files", etc.resolve("access-control.properties").toString()),
                    Map.entry("password-authenticator.config-files", etc.resolve("password-authenticator.properties").toString()),
                    Map.entry("event-listener.config-files", etc.resolve("http-event-listener.properties").toString())));
            write(etc.resolve("catalog").resolve(lake.catalogName() + ".properties"), catalogProperties());
            write(etc.resolve("password-authenticator.properties"), Map.of(
                    "password-authenticator.name", "file",
                    "file.password-file", etc.resolve("password.db").toString()));
            write(etc.resolve("access-control.properties"), Map.of(
                    "access-control.name", "file",
                    "security.config-file", etc.resolve("rules.json").toString()));
            write(etc.resolve("http-event-listener.properties"), Map.of(
                    "event-listener.name", "http",
                    "http-event-listener.log-completed", "true",
                    "http-event-listener.connect-ingest-uri", "http://127.0.0.1:" + settings.auditPort() + "/events"));
            Files.writeString(etc.resolve("password.db"), passwordFile(), StandardCharsets.UTF_8);
            Files.writeString(etc.resolve("rules.json"), accessRules(), StandardCharsets.UTF_8);
            Files.writeString(etc.resolve("log.properties"), "io.trino=WARN\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Trino's configuration under " + etc, e);
        }
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

    /** Trino's file-based access rules: each role's grants, for the users holding it; nothing else is readable. */
    String accessRules() throws IOException {
        List<Map<String, Object>> catalogs = new ArrayList<>();
        List<Map<String, Object>> schemas = new ArrayList<>();
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Role role : Role.values()) {
            String members = users.all().stream().filter(user -> user.role() == role).map(SqlUser::name)
                    .collect(Collectors.joining("|"));
            if (members.isEmpty()) {
                continue;
            }
            catalogs.add(Map.of("user", members, "catalog", lake.catalogName(), "allow", "read-only"));
            for (var grant : role.grants()) {
                schemas.add(Map.of("user", members, "catalog", lake.catalogName(), "schema", grant.zone().namespace(), "owner", false));
                tables.add(Map.of("user", members, "catalog", lake.catalogName(), "schema", grant.zone().namespace(),
                        "table", grant.tablePattern(), "privileges", List.of("SELECT")));
            }
        }
        addRowFilterRules(schemas, tables);
        catalogs.add(Map.of("catalog", "system", "allow", "read-only"));
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("catalogs", catalogs);
        rules.put("schemas", schemas);
        rules.put("tables", tables);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rules);
    }

    /**
     * One rule per user of a role with row-filtered grants (school staff): SELECT on the table, filtered to the rows
     * whose column equals the user's department (their school's code), so one school's staff read no other school's row.
     */
    void addRowFilterRules(List<Map<String, Object>> schemas, List<Map<String, Object>> tables) {
        for (SqlUser user : users.all()) {
            for (RowFilteredGrant grant : user.role().rowFilteredGrants()) {
                if (!user.department().matches("[A-Za-z0-9_-]+")) {
                    throw new LakeException(ErrorCategory.INVALID_FILE, "SQLユーザー " + user.name() + " の所属 '" + user.department()
                            + "' は行フィルタに使えません / user " + user.name() + " of role " + user.role().code()
                            + " needs a code as department (for school staff, the 13-character school code); fix the users file");
                }
                schemas.add(Map.of("user", user.name(), "catalog", lake.catalogName(), "schema", grant.zone().namespace(), "owner", false));
                tables.add(Map.of("user", user.name(), "catalog", lake.catalogName(), "schema", grant.zone().namespace(),
                        "table", grant.table(), "privileges", List.of("SELECT"),
                        "filter", grant.column() + " = '" + user.department() + "'"));
            }
        }
    }

    /** A self-signed certificate for 127.0.0.1 and localhost, created once; returns the key store password. */
    private String ensureCertificate() throws IOException {
        Path passwordFile = etc().resolve("keystore.password");
        Path keyStore = etc().resolve("keystore.p12");
        if (Files.exists(keyStore) && Files.exists(passwordFile) && Files.exists(trustStore())) {
            return Files.readString(passwordFile).strip();
        }
        String password = randomSecret();
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(trustStore());
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path certificate = etc().resolve("trino.crt");
        runKeytool(List.of(keytool, "-genkeypair", "-alias", "trino", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=127.0.0.1, O=ebpm-lake", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password));
        runKeytool(List.of(keytool, "-exportcert", "-alias", "trino", "-keystore", keyStore.toString(), "-storepass", password,
                "-rfc", "-file", certificate.toString()));
        runKeytool(List.of(keytool, "-importcert", "-noprompt", "-alias", "trino", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore().toString(), "-storepass", trustStorePassword()));
        Files.writeString(passwordFile, password);
        return password;
    }

    private static void runKeytool(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
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

    private static void write(Path file, Map<String, String> properties) throws IOException {
        StringBuilder content = new StringBuilder("# written by ./lake services; edits are overwritten at the next start\n");
        properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> content.append(entry.getKey()).append('=').append(entry.getValue()).append('\n'));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
