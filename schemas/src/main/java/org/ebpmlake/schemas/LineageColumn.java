package org.ebpmlake.schemas;

import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The columns every raw row carries to say where it came from. Their names start with an underscore so
 * they never collide with a declared column.
 */
public enum LineageColumn {
    BATCH_ID("_batch_id", Types.StringType.get(), new LocalizedText("取込バッチID", "ingest batch id")),
    SOURCE_FILE("_source_file", Types.StringType.get(), new LocalizedText("取込元ファイル名", "source file name")),
    LINE("_line", Types.LongType.get(), new LocalizedText("取込元ファイルの行番号", "line number in the source file")),
    FILE_HASH("_file_hash", Types.StringType.get(), new LocalizedText("取込元ファイルのSHA-256", "SHA-256 of the source file")),
    INGESTED_AT("_ingested_at", Types.TimestampType.withZone(), new LocalizedText("取込日時", "ingest time"));

    private final String columnName;
    private final Type type;
    private final LocalizedText description;

    LineageColumn(String columnName, Type type, LocalizedText description) {
        this.columnName = columnName;
        this.type = type;
        this.description = description;
    }

    public String columnName() {
        return columnName;
    }

    public Type type() {
        return type;
    }

    public LocalizedText description() {
        return description;
    }
}
