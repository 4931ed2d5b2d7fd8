package org.ebpmlake.pipelines.raw;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.schemas.ColumnDeclaration;
import org.ebpmlake.schemas.DatasetDeclaration;

/**
 * Reads JSON-lines deliveries (one object a line, such as xAPI statements) in parallel with Spark. A
 * column's declared source header is a dotted path into the object ({@code actor.account.name}); a path
 * that is absent or null gives an empty field, members not declared are ignored (xAPI statements carry many).
 * A line that is not a JSON object is quarantined with its line number; a blank line holds no record.
 */
final class JsonLinesReader implements DeliveryReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SparkSession spark;
    private final DatasetDeclaration dataset;

    JsonLinesReader(SparkSession spark, DatasetDeclaration dataset) {
        this.spark = requireNonNull(spark, "spark is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
    }

    @Override
    public DeliveryRecords read(Path file, String fileName) {
        TextLines lines = new TextLines(spark);
        Charset charset = lines.detectCharset(file, fileName);
        List<String[]> paths = dataset.columns().stream().map(ColumnDeclaration::header)
                .map(header -> header.split("\\.")).toList();
        String[][] columnPaths = paths.toArray(String[][]::new);
        JavaRDD<DeliveryRecord> records = lines.read(file, charset, 0).map(line -> record(line, columnPaths));
        return new DeliveryRecords(records, HeaderLayout.declaredOrder(dataset), charset.name(), Optional.empty());
    }

    private static DeliveryRecord record(TextLines.NumberedLine line, String[][] columnPaths) {
        if (line.decodable() && line.text().isBlank()) {
            return DeliveryRecord.blank(line.line());
        }
        if (!line.decodable()) {
            return DeliveryRecord.unreadable(line.line(), line.text(), "the line is not valid text in the file's encoding");
        }
        JsonNode object;
        try {
            object = MAPPER.readTree(line.text());
        } catch (JsonProcessingException e) {
            return DeliveryRecord.unreadable(line.line(), line.text(), "not a JSON object: the line is not valid JSON");
        }
        if (object == null || !object.isObject()) {
            return DeliveryRecord.unreadable(line.line(), line.text(), "not a JSON object");
        }
        String[] fields = new String[columnPaths.length];
        for (int column = 0; column < columnPaths.length; column++) {
            JsonNode node = object;
            for (String step : columnPaths[column]) {
                node = node.path(step);
            }
            if (node.isMissingNode() || node.isNull()) {
                fields[column] = "";
            } else if (node.isValueNode()) {
                fields[column] = node.asText();
            } else {
                fields[column] = node.toString();
            }
        }
        return DeliveryRecord.of(line.line(), fields, line.text());
    }
}
