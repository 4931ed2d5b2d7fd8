package org.ebpmlake.sql.audit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.lake.TableWrites;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.sql.access.SqlUser;
import org.ebpmlake.sql.access.SqlUsers;

/**
 * Moves the audit spool into {@code ops.query_log}: one row per query and table read (a denied query keeps the
 * table it tried to read; a query that named no table keeps one row with an empty table name), with the user's role
 * and department; and into {@code ops.queries}, one row per query. Keyed by query id (and table), so collecting the
 * same spool twice adds nothing.
 */
public final class QueryLogCollector {
    public static final TableName TABLE = new TableName(Zone.OPS, "query_log");
    /** The query-level view of the same events: one row per query, its tables listed. */
    public static final TableName QUERIES = new TableName(Zone.OPS, "queries");

    private final SparkSession spark;
    private final LakeSettings settings;
    private final SqlUsers users;

    public QueryLogCollector(SparkSession spark, LakeSettings settings, SqlUsers users) {
        this.spark = requireNonNull(spark, "spark is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.users = requireNonNull(users, "users is null");
    }

    /** Returns the number of spool events read. */
    public long collect(Path spool) {
        requireNonNull(spool, "spool is null");
        if (!Files.exists(spool)) {
            return 0;
        }
        QueryEventJson json = new QueryEventJson(settings.catalogName());
        List<Row> rows = new ArrayList<>();
        List<Row> queries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(spool, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit spool " + spool, e);
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            QueryEvent event = json.fromSpoolLine(line);
            Optional<SqlUser> user = users.byName(event.user());
            queries.add(RowFactory.create(event.queryId(), event.user(), user.map(known -> known.role().code()).orElse(null),
                    user.map(SqlUser::department).orElse(null), String.join(",", event.tables()), event.tables().size(),
                    event.state(), event.errorCode().orElse(null), event.createdAt(), event.endedAt().orElse(null)));
            List<String> tables = event.tables().isEmpty() ? List.of("") : event.tables();
            for (String table : tables) {
                rows.add(RowFactory.create(event.queryId(), event.user(), user.map(known -> known.role().code()).orElse(null),
                        user.map(SqlUser::department).orElse(null), table, event.state(), event.errorCode().orElse(null),
                        event.createdAt(), event.endedAt().orElse(null)));
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        String table = TABLE.in(settings.catalogName());
        TableWrites.merge(spark.createDataFrame(rows, spark.table(table).schema()).dropDuplicates("query_id", "table_name"), table,
                "ON t.query_id = s.query_id AND t.table_name = s.table_name WHEN NOT MATCHED THEN INSERT *");
        String queryTable = QUERIES.in(settings.catalogName());
        TableWrites.merge(spark.createDataFrame(queries, spark.table(queryTable).schema()).dropDuplicates("query_id"), queryTable,
                "ON t.query_id = s.query_id WHEN NOT MATCHED THEN INSERT *");
        return lines.stream().filter(line -> !line.isBlank()).count();
    }
}
