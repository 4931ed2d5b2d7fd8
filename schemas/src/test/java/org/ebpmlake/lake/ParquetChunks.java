package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** The column chunks of a Parquet file as its footer lists them, for tests of how files are encoded. */
public final class ParquetChunks {
    private ParquetChunks() {
    }

    /** One column chunk of one row group: its column's dotted path and the encodings the footer lists for it. */
    public record Chunk(String column, Set<Encoding> encodings) {
        public Chunk {
            requireNonNull(column, "column is null");
            encodings = Set.copyOf(encodings);
        }
    }

    /** Every chunk of every row group of the file at {@code location} (a path or a {@code file:} URI). */
    public static List<Chunk> of(String location) {
        requireNonNull(location, "location is null");
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(location), new Configuration()))) {
            List<Chunk> chunks = new ArrayList<>();
            reader.getFooter().getBlocks().forEach(block -> block.getColumns()
                    .forEach(chunk -> chunks.add(new Chunk(chunk.getPath().toDotString(), chunk.getEncodings()))));
            return List.copyOf(chunks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + location, e);
        }
    }
}
