package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The physical lines of a text delivery as a Spark dataset, read in parallel splits, each with its 1-based
 * line number and the byte offset where it starts, decoded in the file's encoding (UTF-8 or CP932; neither puts
 * a line-break, quote or comma byte inside a multi-byte character, so splitting there is safe for both). Lines
 * end at LF, CR LF or a lone CR, as Hadoop's line reader and Commons CSV both count them. A line with bytes
 * that are not valid in the encoding is kept, marked undecodable, so it can be quarantined.
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
    record NumberedLine(long line, long byteOffset, String text, boolean decodable) implements Serializable {
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

    /** The lines after {@code skippedLines} (a header the caller has read already). */
    JavaRDD<NumberedLine> read(Path file, Charset charset, long skippedLines) {
        String charsetName = charset.name();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // zipWithIndex numbers the lines across splits; the decoding that follows takes each Text before Hadoop
        // reuses it for the next line, so nothing is copied.
        return context.hadoopFile(hadoopPath(file), TextInputFormat.class, LongWritable.class, Text.class)
                .zipWithIndex()
                .mapPartitions(lines -> decoded(lines, Charset.forName(charsetName), skippedLines));
    }

    /**
     * The file as Hadoop names it. Not {@code toUri()}: Hadoop reads a URI's percent-escapes literally, so a file
     * named in Japanese (kpi_actuals_市民局.csv) would not be found; from an unescaped path it builds its own URI.
     */
    static String hadoopPath(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private static Iterator<NumberedLine> decoded(Iterator<Tuple2<Tuple2<LongWritable, Text>, Long>> lines, Charset charset,
            long skippedLines) {
        CharsetDecoder decoder = DeliveredText.strict(charset);
        return new Iterator<>() {
            private NumberedLine next = advance();

            private NumberedLine advance() {
                while (lines.hasNext()) {
                    Tuple2<Tuple2<LongWritable, Text>, Long> numbered = lines.next();
                    long line = numbered._2() + 1;
                    if (line <= skippedLines) {
                        continue;
                    }
                    Text text = numbered._1()._2();
                    return decode(decoder, line, numbered._1()._1().get(), text.getBytes(), text.getLength(), charset);
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public NumberedLine next() {
                NumberedLine current = next;
                next = advance();
                return current;
            }
        };
    }

    private static NumberedLine decode(CharsetDecoder decoder, long line, long byteOffset, byte[] bytes, int length, Charset charset) {
        int offset = 0;
        if (line == 1 && length >= 3 && DeliveredText.hasUtf8Bom(bytes)) {
            offset = 3;
        }
        try {
            CharBuffer decoded = decoder.reset().decode(ByteBuffer.wrap(bytes, offset, length - offset));
            return new NumberedLine(line, byteOffset, decoded.toString(), true);
        } catch (CharacterCodingException e) {
            return new NumberedLine(line, byteOffset, new String(bytes, offset, length - offset, charset), false);
        }
    }
}
