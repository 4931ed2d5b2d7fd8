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

/** Writes a sample delivery as CSV in the encoding a department would use. */
final class DelimitedFile {
    private DelimitedFile() {
    }

    static Path write(Path file, Charset charset, List<String> header, List<List<String>> rows) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, charset);
                    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
                printer.printRecord(header);
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample source " + file, e);
        }
    }
}
