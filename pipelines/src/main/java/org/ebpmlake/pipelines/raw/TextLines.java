package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The lines of a text delivery as a Spark dataset, each with its 1-based line number, read in parallel
 * splits and decoded in the file's encoding (UTF-8 or CP932; a line break byte never occurs inside a CP932
 * character, so splitting at line breaks is safe for both). A line with bytes that are not valid in that
 * encoding is kept, marked undecodable, so it can be quarantined.
 */
final class TextLines {
    private static final int DETECTION_BYTES = 1 << 20;

    private final SparkSession spark;

    TextLines(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /**
     * A numbered line. When {@code decodable} is false, {@code text} is the line decoded with replacement
     * characters, for the steward to look at.
     */
    record NumberedLine(long line, String text, boolean decodable) implements Serializable {
        NumberedLine {
            requireNonNull(text, "text is null");
        }
    }

    Charset detectCharset(Path file, String fileName) {
        try (InputStream in = Files.newInputStream(file)) {
            return DeliveredText.detect(fileName, in.readNBytes(DETECTION_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read delivery " + file, e);
        }
    }

    JavaRDD<NumberedLine> read(Path file, Charset charset) {
        String charsetName = charset.name();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return context.hadoopFile(file.toUri().toString(), TextInputFormat.class, LongWritable.class, Text.class)
                // Hadoop reuses its Text objects: copy the bytes before anything else holds them.
                .map(pair -> pair._2().copyBytes())
                .zipWithIndex()
                .map(numbered -> decode(numbered._2() + 1, numbered._1(), Charset.forName(charsetName)));
    }

    private static NumberedLine decode(long line, byte[] bytes, Charset charset) {
        int offset = 0;
        if (line == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            offset = 3;
        }
        int length = bytes.length - offset;
        if (length > 0 && bytes[bytes.length - 1] == '\r') {
            length--;
        }
        try {
            String text = DeliveredText.strict(charset).decode(ByteBuffer.wrap(bytes, offset, length)).toString();
            return new NumberedLine(line, text, true);
        } catch (CharacterCodingException e) {
            return new NumberedLine(line, new String(bytes, offset, length, charset), false);
        }
    }
}
