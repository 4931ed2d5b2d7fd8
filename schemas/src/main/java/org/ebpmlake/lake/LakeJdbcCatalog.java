package org.ebpmlake.lake;

import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.ClientPool;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;
import org.apache.iceberg.jdbc.UncheckedSQLException;

/**
 * Iceberg's own JDBC catalog, as the lake mounts it in Spark. On a SQLite catalog file every catalog call gets a
 * connection of its own, closed right after: Iceberg's catalog leaves the result sets of its start-up checks open
 * (JdbcCatalog's look-ups of its tables and columns), and on SQLite an open result set keeps a read lock (or, with a
 * write-ahead log, an old snapshot) for as long as the pooled connection lives. One process was fine with that; a run
 * waiting for the lake, Airflow's tasks and the holder are several processes, and the holder's commits then waited and
 * failed ("database is locked"). A catalog on a server (PostgreSQL) keeps Iceberg's connection pool.
 */
public class LakeJdbcCatalog extends JdbcCatalog {
    private static final int INITIALISATION_ATTEMPTS = 5;

    public LakeJdbcCatalog() {
        super(null, LakeJdbcCatalog::clients, true);
    }

    /**
     * Iceberg's initialisation, tried again when it fails on the catalog database: two processes opening a new lake at
     * once (two runs, Airflow's first tasks) both create and check the catalog's tables, and on SQLite the one that
     * loses that race gets an error instead of a wait. The second attempt finds the tables made.
     */
    @Override
    public void initialize(String name, Map<String, String> properties) {
        for (int attempt = 1; ; attempt++) {
            try {
                super.initialize(name, properties);
                return;
            } catch (UncheckedSQLException e) {
                if (attempt == INITIALISATION_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * The catalog at {@code uri} opened outside Spark, with the same properties the lake mounts it with (administration:
     * a migration's target, a benchmark). Close it after use.
     */
    public static LakeJdbcCatalog open(String name, String uri, Path warehouse, Optional<String> user,
            Optional<String> password) {
        Map<String, String> properties = new HashMap<>();
        properties.put(CatalogProperties.URI, uri);
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toUri().toString());
        properties.put("jdbc.schema-version", "V1");
        user.ifPresent(value -> properties.put("jdbc.user", value));
        password.ifPresent(value -> properties.put("jdbc.password", value));
        LakeJdbcCatalog catalog = new LakeJdbcCatalog();
        catalog.initialize(name, properties);
        return catalog;
    }

    private static JdbcClientPool clients(Map<String, String> properties) {
        String uri = properties.get(CatalogProperties.URI);
        if (uri != null && uri.startsWith("jdbc:sqlite:")) {
            return new ConnectionPerCall(uri, properties);
        }
        return new JdbcClientPool(uri, properties);
    }

    /** A "pool" that opens a connection for each call and closes it afterwards, so nothing a call left open survives it. */
    private static final class ConnectionPerCall extends JdbcClientPool {
        ConnectionPerCall(String uri, Map<String, String> properties) {
            super(1, uri, properties);
        }

        @Override
        public <R> R run(ClientPool.Action<R, Connection, SQLException> action) throws SQLException, InterruptedException {
            return run(action, false);
        }

        @Override
        public <R> R run(ClientPool.Action<R, Connection, SQLException> action, boolean retry) throws SQLException, InterruptedException {
            try (Connection connection = newClient()) {
                return action.run(connection);
            }
        }
    }
}
