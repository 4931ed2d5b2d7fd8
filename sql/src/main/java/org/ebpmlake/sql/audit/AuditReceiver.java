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
import org.ebpmlake.lake.OwnerOnlyFiles;

/**
 * Receives Trino's query-completed events on 127.0.0.1 and appends each, reduced to a {@link QueryEvent},
 * as one line to the audit spool. {@code lake audit collect} (Spark) moves the spool into {@code ops.query_log};
 * keeping this process free of Spark keeps it small and always up.
 *
 * <p>Only the Trino the platform started can post: every event must carry the {@link AuditSecret} header, or it is
 * refused (401) and nothing is written. An event is acknowledged only once its line is on disk (written with
 * {@code DSYNC}); a failed write answers 503, so Trino's listener keeps the event and sends it again.
 */
public final class AuditReceiver implements AutoCloseable {
    /** Far above any real event (a few kilobytes); a larger body is refused before it is read. */
    private static final int MAXIMUM_EVENT_BYTES = 4 << 20;

    private final HttpServer server;
    private final Path spool;
    private final QueryEventJson json;
    private final AuditSecret secret;

    public AuditReceiver(int port, Path spool, String catalogName, AuditSecret secret) {
        this.spool = requireNonNull(spool, "spool is null");
        this.json = new QueryEventJson(requireNonNull(catalogName, "catalogName is null"));
        this.secret = requireNonNull(secret, "secret is null");
        OwnerOnlyFiles.createDirectories(spool.toAbsolutePath().getParent());
        try {
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
        if (!secret.matches(exchange.getRequestHeaders().getFirst(AuditSecret.HEADER))) {
            respond(exchange, 401);
            return;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAXIMUM_EVENT_BYTES) {
            respond(exchange, 413);
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAXIMUM_EVENT_BYTES + 1);
            if (bytes.length > MAXIMUM_EVENT_BYTES) {
                respond(exchange, 413);
                return;
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        String line;
        try {
            line = json.toSpoolLine(json.fromTrino(body));
        } catch (RuntimeException e) {
            respond(exchange, 400);
            return;
        }
        try {
            append(line);
        } catch (IOException e) {
            // Not acknowledged: Trino's listener retries, so a full disk loses no event.
            respond(exchange, 503);
            return;
        }
        respond(exchange, 200);
    }

    private synchronized void append(String line) throws IOException {
        if (!Files.exists(spool)) {
            OwnerOnlyFiles.writeString(spool, "");
        }
        Files.writeString(spool, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
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
