package org.ebpmlake.lake;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.ebpmlake.schemas.DatasetCatalog;

/**
 * A lake in a temporary directory, mounted in the test JVM's shared SparkSession under a catalog name of
 * its own, so tests in one JVM never see each other's tables.
 */
public record TemporaryLake(LakeSettings settings, SparkSession spark, Path directory) {
    public TemporaryLake {
        requireNonNull(settings, "settings is null");
        requireNonNull(spark, "spark is null");
        requireNonNull(directory, "directory is null");
    }

    /** Spark SQL name of a table of this lake, e.g. {@code table("raw.residents")}. */
    public String table(String zoneAndName) {
        return settings.catalogName() + "." + zoneAndName;
    }

    /** Creates every declared table in this lake and returns the lake. */
    public TemporaryLake withTables() {
        new LakeTables(LakeSession.icebergCatalog(spark, settings)).ensureAll(DatasetCatalog.load());
        return this;
    }

    public long count(String zoneAndName) {
        return spark.table(table(zoneAndName)).count();
    }
}
