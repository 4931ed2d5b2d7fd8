package org.ebpmlake.launcher;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.sql.SqlServices;
import org.ebpmlake.sql.audit.AuditReceiver;
import org.ebpmlake.sql.audit.AuditSecret;
import org.ebpmlake.sql.trino.TrinoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lake services up|down|status}: Trino and the audit receiver on 127.0.0.1. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = {"SQL サービス（Trino・監査受信）の起動・停止・状態確認。初回はインストールも行います。",
            "Start, stop or show the SQL services (Trino and the audit receiver); installs them on first use."},
        subcommands = {ServicesCommand.Up.class, ServicesCommand.Down.class, ServicesCommand.Status.class,
            ServicesCommand.AuditReceiverProcess.class})
final class ServicesCommand implements Runnable {
    @ParentCommand
    Lake lake;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    SqlServices services() {
        LakeSettings settings = lake.settings();
        return new SqlServices(settings, TrinoSettings.from(settings, lake.projectDirectory()), System.out::println);
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = {"起動します。", "Install if needed and start."})
    static final class Up implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Override
        public Integer call() {
            SqlServices services = parent.services();
            services.up(List.of(Lake.class.getName(), "services", "audit-receiver"));
            services.status().forEach(System.out::println);
            return 0;
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = {"停止します。", "Stop."})
    static final class Down implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Override
        public Integer call() {
            SqlServices services = parent.services();
            services.down();
            services.status().forEach(System.out::println);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = {"状態とログファイルを表示します。", "Show state and log files."})
    static final class Status implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Override
        public Integer call() {
            parent.services().status().forEach(System.out::println);
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
