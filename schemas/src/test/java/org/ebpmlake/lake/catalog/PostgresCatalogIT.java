package org.ebpmlake.lake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ebpmlake.lake.FolderTree;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.ListeningSockets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster environment's shared catalog: a real PostgreSQL from Debian's package, started as {@code ./lake services up
 * postgres} starts it, reachable on 127.0.0.1 with its password only, and several writers committing to it at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresCatalogIT {
    private static final int WRITERS = 3;
    private static final int COMMITS_EACH = 8;
    private static final int ROWS_PER_COMMIT = 50;

    private static Path directory;
    private static TestPostgres postgres;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws IOException {
        directory = Files.createTempDirectory("ebpm-lake-postgres-");
        postgres = TestPostgres.start(directory);
        LakeSettings lake = postgres.lake("lake_pg", directory);
        spark = SparkSession.builder().master("local[2]").appName("postgres-catalog-it")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.ui.enabled", "false").getOrCreate();
        LakeSession.mount(spark, lake, Optional.of(postgres.catalogPassword()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (spark != null) {
            spark.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        FolderTree.delete(directory);
    }

    @Test
    @Order(1)
    void theServerListensOnLoopbackOnlyAndAdmitsNoOneWithoutThePassword() throws IOException {
        PostgresSettings settings = postgres.settings();
        long pid = postgres.server().process().pid().orElseThrow();
        assertThat(ListeningSockets.of(pid)).contains("127.0.0.1:" + settings.port())
                .allSatisfy(address -> assertThat(ListeningSockets.isLoopback(address)).as(address).isTrue());

        assertThatThrownBy(() -> PostgresServer.connect(settings.jdbcUrl(), settings.user(), "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> PostgresServer.connect(settings.jdbcUrl(), "postgres", "").close()).isInstanceOf(SQLException.class);

        // The catalog's role is no superuser, and the passwords, pid and log are this account's alone.
        try (Connection connection = PostgresServer.connect(settings.jdbcUrl(), settings.user(),
                postgres.catalogPassword());
                var rows = connection.createStatement().executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).isFalse();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(exposed(directory.resolve("secrets"))).isEmpty();
        assertThat(exposed(settings.home())).isEmpty();
        assertThat(Files.getPosixFilePermissions(settings.dataDirectory())).containsOnly(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    /**
     * Three writers, each with a table of its own and one table all of them append to (as every task appends to the ops
     * tables), commit at once. Iceberg's optimistic concurrency retries the commits that lost a race on the new state, so
     * every commit and every row is there in the end.
     */
    @Test
    @Order(2)
    void writersCommittingAtOnceLoseNoCommit() throws Exception {
        StructType schema = new StructType().add("writer", DataTypes.IntegerType).add("commit_number", DataTypes.IntegerType)
                .add("row_number", DataTypes.IntegerType);
        spark.sql("CREATE NAMESPACE IF NOT EXISTS lake_pg.ops");
        spark.sql("CREATE TABLE lake_pg.ops.shared (writer INT, commit_number INT, row_number INT) USING iceberg");
        for (int writer = 0; writer < WRITERS; writer++) {
            spark.sql("CREATE TABLE lake_pg.ops.own_" + writer + " (writer INT, commit_number INT, row_number INT) USING iceberg");
        }
        CountDownLatch ready = new CountDownLatch(WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<List<Instant[]>>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int self = writer;
            writers.add(pool.submit(() -> {
                ready.countDown();
                ready.await();
                List<Instant[]> spans = new ArrayList<>();
                for (int commit = 0; commit < COMMITS_EACH; commit++) {
                    List<Row> rows = new ArrayList<>();
                    for (int row = 0; row < ROWS_PER_COMMIT; row++) {
                        rows.add(RowFactory.create(self, commit, row));
                    }
                    Instant began = Instant.now();
                    spark.createDataFrame(rows, schema).writeTo("lake_pg.ops.shared").append();
                    spark.createDataFrame(rows, schema).writeTo("lake_pg.ops.own_" + self).append();
                    spans.add(new Instant[] {began, Instant.now()});
                }
                return spans;
            }));
        }
        List<Instant[]> spans = new ArrayList<>();
        for (Future<List<Instant[]>> writer : writers) {
            spans.addAll(writer.get());
        }
        pool.shutdown();

        // The writers did overlap (otherwise this test would prove nothing).
        assertThat(overlapping(spans)).isPositive();
        assertThat(spark.table("lake_pg.ops.shared").count()).isEqualTo((long) WRITERS * COMMITS_EACH * ROWS_PER_COMMIT);
        assertThat(spark.sql("SELECT count(*) FROM lake_pg.ops.shared.snapshots WHERE operation = 'append'").first().getLong(0))
                .isEqualTo(WRITERS * COMMITS_EACH);
        assertThat(spark.sql("SELECT count(DISTINCT writer, commit_number) FROM lake_pg.ops.shared").first().getLong(0))
                .isEqualTo(WRITERS * COMMITS_EACH);
        for (int writer = 0; writer < WRITERS; writer++) {
            assertThat(spark.table("lake_pg.ops.own_" + writer).count()).isEqualTo((long) COMMITS_EACH * ROWS_PER_COMMIT);
            assertThat(spark.sql("SELECT count(*) FROM lake_pg.ops.own_" + writer + ".snapshots").first().getLong(0)).isEqualTo(COMMITS_EACH);
        }
    }

    private static long overlapping(List<Instant[]> spans) {
        long pairs = 0;
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                if (spans.get(i)[0].isBefore(spans.get(j)[1]) && spans.get(j)[0].isBefore(spans.get(i)[1])) {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    private static List<Path> exposed(Path root) throws IOException {
        List<Path> exposed = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (Files.getPosixFilePermissions(path).stream().anyMatch(permission -> !permission.name().startsWith("OWNER"))) {
                    exposed.add(path);
                }
            }
        }
        return exposed;
    }
}
