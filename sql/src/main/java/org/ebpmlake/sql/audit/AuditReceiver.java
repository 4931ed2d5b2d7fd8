package org.ebpmlake.sql.audit;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Receives Trino's query-completed events on 127.0.0.1 and appends each, reduced to a {@link QueryEvent},
 * as one line to the audit spool. {@code lake audit collect} (Spark) moves the spool into {@code ops.query_log};
 * keeping this process free of Spark keeps it small and always up.
 */
public final class AuditReceiver implements AutoCloseable {
    private final HttpServer server;
    private final Path spool;
    private final QueryEventJson json;

    public AuditReceiver(int port, Path spool, String catalogName) {
        this.spool = requireNonNull(spool, "spool is null");
        this.json = new QueryEventJson(requireNonNull(catalogName, "catalogName is null"));
        try {
            Files.createDirectories(spool.getParent());
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " for audit events", e);
        }
        server.createContext("/events", this::receive);
        server.createContext("/health", exchange -> respond(exchange, 200));
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405);
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            append(json.toSpoolLine(json.fromTrino(body)));
            respond(exchange, 200);
        } catch (RuntimeException e) {
            respond(exchange, 400);
        }
    }

    private synchronized void append(String line) throws IOException {
        Files.writeString(spool, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
