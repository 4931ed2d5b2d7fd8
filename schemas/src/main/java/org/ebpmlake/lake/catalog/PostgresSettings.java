package org.ebpmlake.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.ebpmlake.lake.LakeSettings;

/**
 * The PostgreSQL server {@code ./lake services up postgres} runs for the cluster environment's shared catalog on one
 * machine (tests, trying the environment out; a city deployment points {@code lake.catalog.uri} at its own server).
 *
 * @param home the service's folder: pid, log, and (unless {@code osUser} is set) the data directory
 * @param dataDirectory PostgreSQL's data directory (made by initdb)
 * @param port the port on 127.0.0.1
 * @param database the catalog's database
 * @param user the catalog's login role (not a superuser)
 * @param osUser the account the server runs as when this process is root, which PostgreSQL refuses to run as
 * @param binDirectory where PostgreSQL's programs are; empty: the newest of Debian's {@code /usr/lib/postgresql/<n>/bin}
 * @param secrets the folder of the generated passwords (the administrator's and the catalog user's, mode 600)
 */
public record PostgresSettings(Path home, Path dataDirectory, int port, String database, String user, Optional<String> osUser,
        Optional<Path> binDirectory, Path secrets) {
    public static final String ADMIN = "lake_admin";

    public PostgresSettings {
        home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
        dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null").toAbsolutePath().normalize();
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException("lake.postgres.port must be in 1024-65535, got " + port);
        }
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        if (!database.matches("[a-z][a-z0-9_]*") || !user.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("the catalog's database and user must be lower snake case: " + database + ", " + user);
        }
        requireNonNull(osUser, "osUser is null");
        requireNonNull(binDirectory, "binDirectory is null");
        secrets = requireNonNull(secrets, "secrets is null").toAbsolutePath().normalize();
    }

    /**
     * The settings of {@code lake}. As root the server runs as {@code lake.postgres.os-user} ({@code postgres}, the
     * account Debian's package makes), which cannot enter the lake's owner-only {@code var/}; its data then lives in that
     * account's home, in a folder named after this services folder so that several lakes on one host stay apart.
     */
    public static PostgresSettings from(LakeSettings lake, Path projectDirectory, boolean runningAsRoot, OsAccounts accounts) {
        requireNonNull(lake, "lake is null");
        requireNonNull(projectDirectory, "projectDirectory is null");
        requireNonNull(accounts, "accounts is null");
        Path home = projectDirectory.resolve(lake.option("lake.services.directory").orElse("var/services")).resolve("postgres");
        Optional<String> osUser = runningAsRoot ? Optional.of(lake.option("lake.postgres.os-user").orElse("postgres")) : Optional.empty();
        Path data = lake.option("lake.postgres.data-directory").map(projectDirectory::resolve)
                .orElseGet(() -> osUser.map(account -> accounts.home(account).resolve("ebpm-lake").resolve(shortHash(home)).resolve("data"))
                        .orElse(home.resolve("data")));
        return new PostgresSettings(home, data, lake.intOption("lake.postgres.port", 15432),
                lake.option("lake.postgres.database").orElse("lake"), lake.option("lake.catalog.user").orElse("lake"), osUser,
                lake.option("lake.postgres.bin-directory").map(projectDirectory::resolve),
                projectDirectory.resolve(lake.option("lake.postgres.secrets-directory").orElse("var/secrets")));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public Path adminPasswordFile() {
        return secrets.resolve("postgres-admin.password");
    }

    /** The catalog user's password: give it to the lake as {@code LAKE_CATALOG_PASSWORD}. */
    public Path catalogPasswordFile() {
        return secrets.resolve("catalog.password");
    }

    private static String shortHash(Path folder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(folder.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
