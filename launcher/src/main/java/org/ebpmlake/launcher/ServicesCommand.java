package org.ebpmlake.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ebpmlake.airflow.AirflowServer;
import org.ebpmlake.airflow.AirflowSettings;
import org.ebpmlake.cluster.SparkCluster;
import org.ebpmlake.cluster.SparkClusterSettings;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.catalog.OsAccounts;
import org.ebpmlake.lake.catalog.PostgresServer;
import org.ebpmlake.lake.catalog.PostgresSettings;
import org.ebpmlake.sql.SqlServices;
import org.ebpmlake.sql.audit.AuditReceiver;
import org.ebpmlake.sql.audit.AuditSecret;
import org.ebpmlake.sql.trino.TrinoSettings;
import org.ebpmlake.superset.SupersetServer;
import org.ebpmlake.superset.SupersetSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lake services up|down|status [sql] [airflow] [superset] [postgres] [spark]}: the platform's servers on 127.0.0.1. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = {"サービス（sql：Trino・監査受信、airflow：Airflow、superset：Superset、postgres：共有カタログの PostgreSQL、spark：Spark スタンドアロンクラスター）の起動・停止・状態確認。初回はインストールも行います。",
            "Start, stop or show the services (sql: Trino and the audit receiver; airflow: Airflow; superset: Superset; postgres: PostgreSQL"
                    + " for the cluster environment's shared catalog; spark: a Spark standalone cluster, built by ./lake package);"
                    + " installs them on first use."},
        subcommands = {ServicesCommand.Up.class, ServicesCommand.Down.class, ServicesCommand.Status.class,
            ServicesCommand.AuditReceiverProcess.class})
final class ServicesCommand implements Runnable {
    @ParentCommand
    Lake lake;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * The services one can name. None named means those of the local environment; the cluster environment's own
     * (postgres, spark) start only when named, since a deployment points its settings at servers of its own (and the
     * local Spark cluster needs {@code ./lake package} first, and two Workers' memory).
     */
    enum Service {
        SQL, AIRFLOW, SUPERSET, POSTGRES, SPARK;

        static Set<Service> chosen(List<Service> named) {
            if (named == null || named.isEmpty()) {
                return EnumSet.of(SQL, AIRFLOW, SUPERSET);
            }
            return EnumSet.copyOf(named);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    SqlServices sql() {
        LakeSettings settings = lake.settings();
        return new SqlServices(settings, TrinoSettings.from(settings, lake.projectDirectory()), System.out::println);
    }

    AirflowServer airflow() {
        return new AirflowServer(AirflowSettings.from(lake.settings(), lake.projectDirectory()), System.out::println);
    }

    SupersetServer superset() {
        return new SupersetServer(SupersetSettings.from(lake.settings(), lake.projectDirectory()), System.out::println);
    }

    PostgresServer postgres() {
        PostgresSettings settings = PostgresSettings.from(lake.settings(), lake.projectDirectory(), OsAccounts.runningAsRoot(), OsAccounts.host());
        return new PostgresServer(settings, System.out::println);
    }

    SparkCluster spark() {
        return new SparkCluster(SparkClusterSettings.from(lake.settings(), lake.projectDirectory()), System.out::println);
    }

    List<String> status(Set<Service> services) {
        List<String> lines = new ArrayList<>();
        if (services.contains(Service.POSTGRES)) {
            lines.addAll(postgres().status());
        }
        if (services.contains(Service.SQL)) {
            lines.addAll(sql().status());
        }
        if (services.contains(Service.AIRFLOW)) {
            lines.addAll(airflow().status());
        }
        if (services.contains(Service.SUPERSET)) {
            lines.addAll(superset().status());
        }
        if (services.contains(Service.SPARK)) {
            lines.addAll(spark().status());
        }
        return lines;
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = {"起動します。", "Install if needed and start."})
    static final class Up implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "sql, airflow, superset, postgres, spark（省略時は sql・airflow・superset / sql, airflow and superset when none is named）")
        List<Service> services;

        @Override
        public Integer call() {
            Set<Service> chosen = Service.chosen(services);
            // The catalog first: Trino and the pipelines read it.
            if (chosen.contains(Service.POSTGRES)) {
                parent.postgres().up(Duration.ofMinutes(2));
            }
            if (chosen.contains(Service.SQL)) {
                parent.sql().up(List.of(Lake.class.getName(), "services", "audit-receiver"));
            }
            if (chosen.contains(Service.AIRFLOW)) {
                parent.airflow().up(Duration.ofMinutes(3));
            }
            if (chosen.contains(Service.SUPERSET)) {
                parent.superset().up(Duration.ofMinutes(3));
            }
            if (chosen.contains(Service.SPARK)) {
                parent.spark().up(Duration.ofMinutes(2));
            }
            parent.status(chosen).forEach(System.out::println);
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = {"停止します。", "Stop."})
    static final class Down implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "sql, airflow, superset, postgres, spark（省略時は sql・airflow・superset / sql, airflow and superset when none is named）")
        List<Service> services;

        @Override
        public Integer call() {
            Set<Service> chosen = Service.chosen(services);
            if (chosen.contains(Service.SPARK)) {
                parent.spark().down();
            }
            if (chosen.contains(Service.SQL)) {
                parent.sql().down();
            }
            if (chosen.contains(Service.AIRFLOW)) {
                parent.airflow().down();
            }
            if (chosen.contains(Service.SUPERSET)) {
                parent.superset().down();
            }
            if (chosen.contains(Service.POSTGRES)) {
                parent.postgres().down();
            }
            parent.status(chosen).forEach(System.out::println);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = {"状態とログファイルを表示します。", "Show state and log files."})
    static final class Status implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "sql, airflow, superset, postgres, spark（省略時は sql・airflow・superset / sql, airflow and superset when none is named）")
        List<Service> services;

        @Override
        public Integer call() {
            parent.status(Service.chosen(services)).forEach(System.out::println);
            return 0;
        }
    }

    /** The audit receiver's own process, started by {@code up}; not for direct use. */
    @Command(name = "audit-receiver", hidden = true)
    static final class AuditReceiverProcess implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Override
        public Integer call() throws InterruptedException {
            LakeSettings settings = parent.lake.settings();
            TrinoSettings trino = TrinoSettings.from(settings, parent.lake.projectDirectory());
            AuditReceiver receiver = new AuditReceiver(trino.auditPort(), trino.auditSpool(), settings.catalogName(),
                    AuditSecret.readOrCreate(trino.auditSecretFile()));
            receiver.start();
            new CountDownLatch(1).await();
            return 0;
        }
    }
}
