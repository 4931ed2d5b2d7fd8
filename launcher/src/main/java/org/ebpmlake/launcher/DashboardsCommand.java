package org.ebpmlake.launcher;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.dashboards.KpiSite;
import org.ebpmlake.dashboards.SchoolEarlyWarningPage;
import org.ebpmlake.dashboards.StaticSite;
import org.ebpmlake.dashboards.declaration.DashboardCatalog;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.LakeTables;
import org.ebpmlake.lake.services.GeneratedSecret;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.sql.SqlServices;
import org.ebpmlake.sql.trino.TrinoSettings;
import org.ebpmlake.superset.DashboardPublisher;
import org.ebpmlake.superset.SupersetServer;
import org.ebpmlake.superset.SupersetSettings;
import org.ebpmlake.superset.TrinoEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lake dashboards site|report|school|publish}: the static site from the marts, the progress report, a school's
 * early-warning view, and the same dashboard declarations published to Superset.
 */
@Command(name = "dashboards", mixinStandardHelpOptions = true,
        description = {"静的サイト（var/site）の作成、進捗報告書、学校ごとの早期発見ビュー。",
            "The static site (var/site) from the marts, the printable progress report, and a school's early-warning view."},
        subcommands = {DashboardsCommand.Site.class, DashboardsCommand.Report.class, DashboardsCommand.School.class,
            DashboardsCommand.Publish.class})
final class DashboardsCommand implements Runnable {
    @ParentCommand
    Lake lake;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs one job on the existing lake and prints the line it returns. */
    int inLake(java.util.function.BiFunction<SparkSession, LakeSettings, String> job) {
        LakeSettings settings = lake.settings();
        SparkSession spark = LakeSession.openExisting(settings);
        try {
            new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(DatasetCatalog.load());
            System.out.println(job.apply(spark, settings));
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** Rewrites every page of the public site from the marts as they are. */
    @Command(name = "site", mixinStandardHelpOptions = true,
            description = {"公開サイトの全ページを現在のマートから書き直します。", "Rewrite every page of the public site from the marts as they are."})
    static final class Site implements Callable<Integer> {
        @ParentCommand
        DashboardsCommand dashboards;

        @Override
        public Integer call() {
            return dashboards.inLake((spark, settings) -> {
                long started = System.nanoTime();
                LocalDate asOf = LocalDate.parse(settings.option("lake.as-of-date").orElse("2025-03-31"));
                StaticSite.Written site = new StaticSite(spark, settings).write(asOf);
                return String.format("サイト / site: %s — %d pages, %,d KiB, %.1f s (%s)", site.index(), site.pages().size(), site.bytes() / 1024,
                        (System.nanoTime() - started) / 1e9, String.join(", ", site.timings()));
            });
        }
    }

    /** The printable progress report for a reporting date whose snapshot was tagged by a run. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"指定日時点のKPI進捗報告書（A4印刷用）を書き出します（その日の ./lake run が残したスナップショットから）。",
                "Write the printable A4 KPI progress report for a reporting date, from the snapshot a run tagged for that date."})
    static final class Report implements Callable<Integer> {
        @ParentCommand
        DashboardsCommand dashboards;

        @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "報告日 / reporting date, e.g. 2025-03-31")
        LocalDate asOf;

        @Override
        public Integer call() {
            return dashboards.inLake((spark, settings) -> "進捗報告書 / progress report: " + new KpiSite(spark, settings).writeReport(asOf));
        }
    }

    /** One school's early-warning view, for that school's staff only. */
    @Command(name = "school", mixinStandardHelpOptions = true,
            description = {"学校ごとの早期発見ビュー（心の天気・出欠・保健室）を var/site/schools/<学校コード>/ に書き出します（公開サイトには含めません）。",
                "Write one school's early-warning view (mood, attendance, nurse visits) into var/site/schools/<code>/; not part of the public site."})
    static final class School implements Callable<Integer> {
        @ParentCommand
        DashboardsCommand dashboards;

        @Parameters(index = "0", paramLabel = "SCHOOL_CODE", description = "学校コード（13桁） / the school's 13-character code")
        String schoolCode;

        @Override
        public Integer call() {
            return dashboards.inLake((spark, settings) -> "早期発見ビュー / early-warning view: "
                    + new SchoolEarlyWarningPage(spark, settings).write(schoolCode));
        }
    }

    /** Every dashboard declaration rendered into Superset, role by role, through its REST API. */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"ダッシュボードの定義を Superset に公開します（利用者ごとの Trino 接続・データセット・チャート・ダッシュボード・ロール）。"
                + " 2回目以降は変更のあったものだけを更新し、定義にないものは削除します。./lake services up sql superset を先に実行してください。",
                "Publish every dashboard declaration to Superset (a Trino connection per audience, datasets, charts, dashboards, roles);"
                    + " a second publish changes only what changed and deletes what is no longer declared. Start ./lake services up sql superset first."})
    static final class Publish implements Callable<Integer> {
        @ParentCommand
        DashboardsCommand dashboards;

        @Override
        public Integer call() {
            LakeSettings settings = dashboards.lake.settings();
            Path project = dashboards.lake.projectDirectory();
            TrinoSettings trino = TrinoSettings.from(settings, project);
            SqlServices sql = new SqlServices(settings, trino, line -> { });
            SupersetSettings superset = SupersetSettings.from(settings, project);
            TrinoEndpoint endpoint = new TrinoEndpoint(trino.httpsPort(), settings.catalogName(), sql.configuration().certificate());
            DashboardPublisher publisher = new DashboardPublisher(new SupersetServer(superset, System.out::println).client(), endpoint,
                    sql.users(), role -> GeneratedSecret.readOrCreate(superset.audiencePasswordFile(role.code()), 18), System.out::println);
            publisher.publish(DashboardCatalog.load().all());
            return 0;
        }
    }
}
