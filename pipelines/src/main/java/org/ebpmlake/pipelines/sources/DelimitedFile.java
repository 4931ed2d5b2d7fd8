package org.ebpmlake.pipelines.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A sample delivery written as CSV in the encoding a department would use, one row at a time, so a
 * city-scale file never sits in memory.
 */
final class DelimitedFile implements AutoCloseable {
    private final Path file;
    private final CSVPrinter printer;

    private DelimitedFile(Path file, CSVPrinter printer) {
        this.file = file;
        this.printer = printer;
    }

    static DelimitedFile create(Path file, Charset charset, List<String> header) {
        try {
            Files.createDirectories(file.getParent());
            Writer writer = Files.newBufferedWriter(file, charset);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build());
            printer.printRecord(header);
            return new DelimitedFile(file, printer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample source " + file, e);
        }
    }

    /** Writes a whole small file at once. */
    static Path write(Path file, Charset charset, List<String> header, List<List<String>> rows) {
        try (DelimitedFile out = create(file, charset, header)) {
            rows.forEach(out::write);
            return out.path();
        }
    }

    void write(List<String> row) {
        try {
            printer.printRecord(row);
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
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample source " + file, e);
        }
    }
}
