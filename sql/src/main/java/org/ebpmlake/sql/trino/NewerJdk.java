package org.ebpmlake.sql.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK Trino runs on: Trino 476 needs Java 24 or newer, while the lake itself runs on Java 17.
 * {@code LAKE_TRINO_JAVA_HOME} names it; otherwise the newest JDK of at least that version under
 * {@code /usr/lib/jvm} is taken.
 */
final class NewerJdk {
    static final int MINIMUM_VERSION = 24;
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private NewerJdk() {
    }

    static Path javaExecutable(Map<String, String> environment) {
        String configured = environment.get("LAKE_TRINO_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (majorVersion(home).orElse(0) < MINIMUM_VERSION) {
                throw new IllegalStateException("LAKE_TRINO_JAVA_HOME=" + home + " is not a JDK " + MINIMUM_VERSION + " or newer");
            }
            return home.resolve("bin/java");
        }
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.filter(home -> majorVersion(home).orElse(0) >= MINIMUM_VERSION)
                    .max(Comparator.comparingInt(home -> majorVersion(home).orElse(0)))
                    .map(home -> home.resolve("bin/java"))
                    .orElseThrow(() -> new IllegalStateException("Trino needs a JDK " + MINIMUM_VERSION
                            + " or newer: none under /usr/lib/jvm; install one (e.g. Debian's openjdk-25-jdk) or set LAKE_TRINO_JAVA_HOME"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /usr/lib/jvm to find a JDK for Trino", e);
        }
    }

    private static Optional<Integer> majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(release));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
