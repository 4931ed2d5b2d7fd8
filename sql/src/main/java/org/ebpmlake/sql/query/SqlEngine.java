package org.ebpmlake.sql.query;

/** Where {@code lake sql} runs a statement: Trino when the services are up, embedded Spark SQL otherwise. */
public interface SqlEngine extends AutoCloseable {
    /** A short name for the prompt and the result footer. */
    String name();

    QueryResult execute(String sql);

    @Override
    void close();
}
