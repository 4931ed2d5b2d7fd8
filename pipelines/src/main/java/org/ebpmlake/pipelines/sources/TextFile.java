package org.ebpmlake.pipelines.sources;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sample delivery written as text, one line at a time in a given encoding, so a city-scale file never
 * sits in memory. CSV and JSON-lines deliveries are written through it.
 */
final class TextFile implements AutoCloseable {
    private final Path file;
    private final BufferedWriter writer;

    private TextFile(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static TextFile create(Path file, Charset charset) {
        try {
            Files.createDirectories(file.getParent());
            return new TextFile(file, Files.newBufferedWriter(file, charset));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample source " + file, e);
        }
    }

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
