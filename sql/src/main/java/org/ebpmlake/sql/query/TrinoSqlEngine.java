package org.ebpmlake.sql.query;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.ebpmlake.sql.access.SqlUser;

/** Runs statements on Trino over JDBC (HTTPS, password login) as one user of the SQL services. */
public final class TrinoSqlEngine implements SqlEngine {
    private final Connection connection;
    private final SqlUser user;

    public TrinoSqlEngine(String jdbcUrl, SqlUser user, Path trustStore, String trustStorePassword) {
        this.user = requireNonNull(user, "user is null");
        Properties properties = new Properties();
        properties.setProperty("user", user.name());
        properties.setProperty("password", user.password());
        properties.setProperty("SSL", "true");
        properties.setProperty("SSLVerification", "FULL");
        properties.setProperty("SSLTrustStorePath", trustStore.toString());
        properties.setProperty("SSLTrustStorePassword", trustStorePassword);
        properties.setProperty("SSLTrustStoreType", "PKCS12");
        try {
            this.connection = DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to Trino at " + jdbcUrl + " as " + user.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "trino as " + user.name() + " (" + user.role().code() + ")";
    }

    @Override
    public QueryResult execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                // A statement without rows (a steward's ALTER TABLE ... EXECUTE, SET SESSION) reports its update count.
                return new QueryResult(List.of("rows"), List.of(List.of(Long.toString(Math.max(0, statement.getLargeUpdateCount())))));
            }
            try (ResultSet results = statement.getResultSet()) {
                return read(results);
            }
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Authentication failed")) {
                throw new IllegalStateException("認証に失敗しました / authentication failed for user " + user.name() + ": " + message, e);
            }
            if (message.contains("Access Denied")) {
                throw new AccessDeniedException(e.getMessage() + " — ロール " + user.role().code() + "（"
                        + user.role().labelJa() + "）：" + user.role().readable());
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static QueryResult read(ResultSet results) throws SQLException {
        ResultSetMetaData metadata = results.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            columns.add(metadata.getColumnLabel(column));
        }
        List<List<String>> rows = new ArrayList<>();
        while (results.next()) {
            List<String> row = new ArrayList<>(columns.size());
            for (int column = 1; column <= columns.size(); column++) {
                Object value = results.getObject(column);
                row.add(value == null ? "NULL" : value.toString());
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the Trino connection", e);
        }
    }
}
