package org.ebpmlake.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A page of the static site written to disk as UTF-8, its folder created if needed. */
final class PageFile {
    private PageFile() {
    }

    static void write(Path page, String html) {
        try {
            Files.createDirectories(page.getParent());
            Files.writeString(page, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dashboard page " + page, e);
        }
    }
}
