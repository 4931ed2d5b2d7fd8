package org.ebpmlake.pipelines.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A sample delivery of JSON lines (one object a line, UTF-8), written one object at a time. */
final class JsonLinesFile implements AutoCloseable {
    private final Path file;
    private final BufferedWriter writer;
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonLinesFile(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static JsonLinesFile create(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new JsonLinesFile(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample source " + file, e);
        }
    }

    ObjectNode newObject() {
        return mapper.createObjectNode();
    }

    void write(ObjectNode object) {
        writeLine(object.toString());
    }

    /** Writes a line as it is, for the damaged lines real exports contain now and then. */
    void writeLine(String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample source " + file, e);
        }
    }

    Path path() {
        return file;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample source " + file, e);
        }
    }
}
