package org.ebpmlake.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.sql.SqlServices;
import org.ebpmlake.sql.access.Role;
import org.ebpmlake.sql.query.AccessDeniedException;
import org.ebpmlake.sql.query.ResultTable;
import org.ebpmlake.sql.query.SparkSqlEngine;
import org.ebpmlake.sql.query.SqlEngine;
import org.ebpmlake.sql.query.TrinoSqlEngine;
import org.ebpmlake.sql.trino.TrinoConfiguration;
import org.ebpmlake.sql.trino.TrinoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code lake sql}: one statement, or an interactive shell, on Trino when it is up and on embedded Spark SQL otherwise. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"SQL を実行します（Trino 稼働中は Trino、停止中は組み込み Spark SQL。テーブル名は同じ）。",
            "Run SQL: through Trino when the services are up, embedded Spark SQL otherwise, with the same table names."})
final class SqlCommand implements Callable<Integer> {
    @ParentCommand
    private Lake lake;

    // Without --as the least privileged role: nobody reads raw or de-identified rows by forgetting an option.
    @Option(names = "--as", paramLabel = "ROLE", defaultValue = "dx_office",
            description = "ロール / role: planner, school_board, dx_office, steward (既定は最小権限 / default, the least "
                + "privileged: ${DEFAULT-VALUE})")
    private String role;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "実行する文。省略すると対話モード / the statement; none for an interactive shell")
    private String statement;

    @Override
    public Integer call() throws IOException {
        LakeSettings settings = lake.settings();
        Role chosen = Role.fromCode(role);
        TrinoSettings trino = TrinoSettings.from(settings, lake.projectDirectory());
        SqlServices services = new SqlServices(settings, trino, System.err::println);
        SparkSession spark = null;
        SqlEngine engine;
        if (services.trinoHealthy()) {
            engine = new TrinoSqlEngine(trino.jdbcUrl(settings.catalogName()), services.users().firstOf(chosen),
                    services.configuration().trustStore(), TrinoConfiguration.trustStorePassword());
        } else {
            spark = LakeSession.openExisting(settings);
            engine = new SparkSqlEngine(spark, settings, chosen);
        }
        try {
            if (statement != null) {
                return run(engine, statement) ? 0 : 1;
            }
            interactive(engine);
            return 0;
        } finally {
            engine.close();
            if (spark != null) {
                spark.stop();
            }
        }
    }

    private static boolean run(SqlEngine engine, String sql) {
        try {
            System.out.print(ResultTable.render(engine.execute(sql.strip().replaceAll(";\\s*$", ""))));
            return true;
        } catch (AccessDeniedException e) {
            System.out.println(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            System.out.println("エラー / error: " + e.getMessage());
            return false;
        }
    }

    private static void interactive(SqlEngine engine) throws IOException {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        System.out.println(engine.name() + " — 文は ; で終わります / end statements with ; (quit で終了 / to exit)");
        while (true) {
            System.out.print(pending.length() == 0 ? "lake> " : "   -> ");
            String line = input.readLine();
            if (line == null || (pending.length() == 0 && line.strip().equalsIgnoreCase("quit"))) {
                return;
            }
            pending.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                run(engine, pending.toString());
                pending.setLength(0);
            }
        }
    }
}
