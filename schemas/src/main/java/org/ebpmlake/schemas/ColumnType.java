package org.ebpmlake.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** The value types a declared column may have, each with its Iceberg type. */
public enum ColumnType {
    STRING(Types.StringType.get()),
    INT(Types.IntegerType.get()),
    LONG(Types.LongType.get()),
    DOUBLE(Types.DoubleType.get()),
    BOOLEAN(Types.BooleanType.get()),
    DATE(Types.DateType.get()),
    /** An instant; stored as Iceberg's timestamp with time zone. */
    TIMESTAMP(Types.TimestampType.withZone());

    private final Type icebergType;

    ColumnType(Type icebergType) {
        this.icebergType = icebergType;
    }

    /** Whether a declared value range applies to the type. */
    public boolean isNumeric() {
        return switch (this) {
            case INT, LONG, DOUBLE -> true;
            case STRING, BOOLEAN, DATE, TIMESTAMP -> false;
        };
    }

    public Type icebergType() {
        return icebergType;
    }

    @JsonCreator
    public static ColumnType fromDeclaration(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
