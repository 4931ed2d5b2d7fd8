package org.ebpmlake.superset;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How Superset reaches the lake: Trino's HTTPS port on 127.0.0.1, the lake's catalog, and the server's self-signed
 * certificate (PEM), which Superset's Trino driver is told to trust.
 */
public record TrinoEndpoint(int httpsPort, String catalog, Path certificate) {
    public TrinoEndpoint {
        if (httpsPort < 1 || httpsPort > 65535) {
            throw new IllegalArgumentException("not a port: " + httpsPort);
        }
        requireNonNull(catalog, "catalog is null");
        certificate = requireNonNull(certificate, "certificate is null").toAbsolutePath().normalize();
    }
}
