package org.ebpmlake.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving a test a {@link TemporaryLake}: one real SparkSession per test JVM (started on
 * first use, stopped when the JVM's tests end) and a fresh lake per test method, with the settings of
 * {@code conf/local.properties} but the warehouse, site and sources in a temporary directory.
 *
 * <p>spark-testing-base was not used: its 3.5 build offers JUnit 4 base classes only, and this is the one
 * piece of it the tests need.
 */
public final class LakeExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LakeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TemporaryLake.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        SharedSpark shared = root.getOrComputeIfAbsent("spark", key -> SharedSpark.start(), SharedSpark.class);
        Path directory = createDirectory();
        context.getStore(NAMESPACE).put(directory.toString(), new DeletedDirectory(directory));
        LakeSettings settings = shared.settings().withLocations(
                "lake_test_" + shared.nextLakeNumber(),
                directory.resolve("lake"),
                directory.resolve("site"),
                directory.resolve("sources"))
                // Deliveries and services of a test lake stay in its own folder, never in the repository's var/.
                .withOption("lake.inbox", directory.resolve("inbox").toString())
                .withOption("lake.services.directory", directory.resolve("services").toString());
        LakeSession.mount(shared.spark(), settings);
        return new TemporaryLake(settings, shared.spark(), directory);
    }

    /** The repository root, where conf/ and README.md live. */
    public static Path repositoryRoot() {
        String root = System.getenv("LAKE_REPO_ROOT");
        if (root != null && Files.isDirectory(Paths.get(root, "conf"))) {
            return Paths.get(root);
        }
        Path candidate = Paths.get("").toAbsolutePath();
        while (candidate != null && !Files.isDirectory(candidate.resolve("conf"))) {
            candidate = candidate.getParent();
        }
        if (candidate == null) {
            throw new IllegalStateException("cannot find the repository root (a folder with conf/); set LAKE_REPO_ROOT");
        }
        return candidate;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("ebpm-lake-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // AutoCloseable is what JUnit 5.13+ closes; CloseableResource keeps older platforms working.
    private record SharedSpark(SparkSession spark, LakeSettings settings, AtomicInteger lakes)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static SharedSpark start() {
            Map<String, String> environment = Map.of("LAKE_ENV", "local");
            LakeSettings settings = new LakeSettingsLoader(repositoryRoot(), environment).load();
            Path scratch = createDirectory();
            LakeSettings scratchSettings = settings.withLocations("lake_scratch", scratch.resolve("lake"),
                    scratch.resolve("site"), scratch.resolve("sources"));
            return new SharedSpark(LakeSession.open(scratchSettings), settings, new AtomicInteger());
        }

        int nextLakeNumber() {
            return lakes.incrementAndGet();
        }

        @Override
        public void close() {
            spark.stop();
        }
    }

    private record DeletedDirectory(Path directory) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws IOException {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
