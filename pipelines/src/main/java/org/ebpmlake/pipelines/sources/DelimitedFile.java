package org.ebpmlake.pipelines.sources;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** A sample delivery written as CSV (RFC 4180) in the encoding a department would use, one row at a time. */
final class DelimitedFile implements AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final TextFile text;

    private DelimitedFile(TextFile text) {
        this.text = text;
    }

    static DelimitedFile create(Path file, Charset charset, List<String> header) {
        DelimitedFile delimited = new DelimitedFile(TextFile.create(file, charset));
        delimited.write(header);
        return delimited;
    }

    /** Writes a whole small file at once. */
    static Path write(Path file, Charset charset, List<String> header, List<List<String>> rows) {
        try (DelimitedFile out = create(file, charset, header)) {
            rows.forEach(out::write);
            return out.path();
        }
    }

    void write(List<String> row) {
        text.writeLine(FORMAT.format(row.toArray()));
    }

    Path path() {
        return text.path();
    }

    @Override
    public void close() {
        text.close();
    }
}
