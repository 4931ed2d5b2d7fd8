package org.ebpmlake.launcher;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.pipelines.maintenance.CatalogMigration;
import org.ebpmlake.pipelines.maintenance.CatalogMigration.TableMove;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lake catalog migrate --to <jdbc-url>}: the lake's catalog carried over to another (SQLite to PostgreSQL). */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Iceberg カタログの管理。", "Administer the lake's Iceberg catalog."},
        subcommands = CatalogCommand.Migrate.class)
final class CatalogCommand implements Runnable {
    @ParentCommand
    Lake lake;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"レイクのカタログを別の JDBC カタログ（例：PostgreSQL）へ移します。データもメタデータも複写せず、各テーブルを現在のメタデータで登録し（スナップショット・タグも引き継ぐ）、件数を照合します。"
                    + "パスワードは環境変数 LAKE_CATALOG_PASSWORD。",
                "Carry the lake's catalog over to another JDBC catalog (e.g. PostgreSQL): no data or metadata file is copied; each table is"
                    + " registered at its current metadata (snapshots and tags included) and its rows are counted through both catalogs."
                    + " The target's password comes from LAKE_CATALOG_PASSWORD."})
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        CatalogCommand parent;

        @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
                description = "移行先 / the target catalog, e.g. jdbc:postgresql://127.0.0.1:15432/lake")
        String to;

        @Option(names = "--user", paramLabel = "NAME",
                description = "移行先の利用者（既定：lake.catalog.user、なければ lake）/ the target's user (default: lake.catalog.user, else lake)")
        String user;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
                description = "別の実行がレイクを使用中なら最大この秒数待つ / wait this long for a run to let go of the lake")
        long waitSeconds;

        @Override
        public Integer call() {
            if (waitSeconds < 0) {
                throw new LakeException(ErrorCategory.INVALID_ARGUMENT, "--wait は 0 以上 / --wait must be 0 or more seconds");
            }
            LakeSettings settings = parent.lake.settings();
            CatalogMigration.requireValidTarget(settings, to);
            SparkSession spark = LakeSession.openExisting(settings);
            try {
                System.out.println("移行元 / from: " + settings.catalogUri());
                System.out.println("移行先 / to:   " + to);
                CatalogMigration migration = new CatalogMigration(spark, settings, to,
                        user != null ? user : settings.option("lake.catalog.user").orElse("lake"), Clock.systemUTC(), System.out::println);
                List<TableMove> moves = migration.migrate(LakeRun.newRunId("catalog-migrate", Clock.systemUTC()), Duration.ofSeconds(waitSeconds));
                for (TableMove move : moves) {
                    System.out.printf("  %-36s %-24s %,12d 行 / rows  %s%n", move.table(), move.action().label(), move.targetRows(),
                            move.verified() ? "照合済 / verified" : "不一致 / MISMATCH (source " + move.sourceRows() + " rows)");
                }
                long failed = moves.stream().filter(move -> !move.verified()).count();
                if (failed > 0) {
                    System.out.println("エラー / error: " + failed + " 表が一致しません / tables differ between the catalogs (above)");
                    return 1;
                }
                System.out.println(moves.size() + " 表を照合しました / tables verified. 以後は移行先だけを使ってください"
                        + "（LAKE_CATALOG_URI=" + to + "、または conf/<env>.properties の lake.catalog.uri）。移行元のカタログはそのまま残してあります"
                        + "が、書き込まないでください / from now on use only the target: set LAKE_CATALOG_URI=" + to
                        + " (or lake.catalog.uri). The old catalog is left as it was; do not write through it any more.");
                return 0;
            } finally {
                spark.stop();
            }
        }
    }
}
