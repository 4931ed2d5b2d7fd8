package org.ebpmlake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.types.Types;
import org.apache.parquet.column.Encoding;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;
import org.ebpmlake.schemas.ZoneTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LakeExtension.class)
class LakeTablesTest {
    private final DatasetCatalog datasets = DatasetCatalog.load();

    @Test
    void createsEveryDeclaredTableWithTheDeclaredColumnsDescriptionsPartitioningAndPrivacyClasses(TemporaryLake lake) {
        Catalog catalog = LakeSession.icebergCatalog(lake.spark(), lake.settings());

        List<ZoneTable> created = new LakeTables(catalog).ensureAll(datasets);

        assertThat(created).hasSameSizeAs(datasets.tables());
        for (ZoneTable declared : datasets.tables()) {
            Table table = catalog.loadTable(declared.name().identifier());
            assertThat(table.schema().sameSchema(declared.schema())).as("schema of %s", declared.name()).isTrue();
            for (Types.NestedField field : declared.schema().columns()) {
                assertThat(table.schema().findField(field.name()).doc()).as("doc of %s.%s", declared.name(), field.name())
                        .isEqualTo(field.doc());
            }
            assertThat(table.spec().fields()).as("partitioning of %s", declared.name())
                    .hasSameSizeAs(declared.partitionSpec().fields());
            Map<String, String> stored = new HashMap<>(declared.properties());
            // format-version is a reserved property: Iceberg applies it to the metadata instead of storing it.
            assertThat(stored.remove("format-version")).isEqualTo("2");
            assertThat(TableUtil.formatVersion(table)).as("format version of %s", declared.name()).isEqualTo(2);
            assertThat(table.properties()).containsAllEntriesOf(stored);
        }
    }

    @Test
    void everyFileAndFolderOfTheLakeIsTheOwnersAloneWhateverTheUmask(TemporaryLake lake) throws IOException {
        new LakeTables(LakeSession.icebergCatalog(lake.spark(), lake.settings())).ensureAll(datasets);
        lake.spark().sql("INSERT INTO " + lake.table("ops.query_log") + " VALUES ('q1', 'planner', 'planner', '政策企画室', "
                + "'deid.residents', 'FINISHED', NULL, current_timestamp(), current_timestamp())");

        List<String> exposed = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(lake.settings().warehouse())) {
            for (Path path : paths.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.stream().anyMatch(permission -> permission.name().startsWith("GROUP")
                        || permission.name().startsWith("OTHERS"))) {
                    exposed.add(PosixFilePermissions.toString(permissions) + " " + path);
                }
            }
        }

        assertThat(lake.spark().table(lake.table("ops.query_log")).count()).isEqualTo(1);
        assertThat(exposed).isEmpty();
    }

    @Test
    void sparkSeesTheTablesInTheZoneNamespacesWithTheirPartitionTransforms(TemporaryLake lake) {
        new LakeTables(LakeSession.icebergCatalog(lake.spark(), lake.settings())).ensureAll(datasets);

        for (Zone zone : Zone.values()) {
            assertThat(lake.spark().sql("SHOW TABLES IN " + lake.settings().catalogName() + "." + zone.namespace()).count())
                    .as("tables in %s", zone.namespace()).isPositive();
        }
        String partitioning = lake.spark().sql("DESCRIBE TABLE " + lake.table("raw.gps_pings")).collectAsList().toString();
        assertThat(partitioning).contains("days(pinged_at)");
    }

    @Test
    void tablesEveryDatasetSharesTakeSnapshotIsolationAlsoInALakeMadeBefore(TemporaryLake lake) {
        Catalog catalog = LakeSession.icebergCatalog(lake.spark(), lake.settings());
        LakeTables tables = new LakeTables(catalog);
        tables.ensureAll(datasets);
        org.apache.iceberg.catalog.TableIdentifier quarantine = org.apache.iceberg.catalog.TableIdentifier.of("raw", "quarantine");
        assertThat(catalog.loadTable(quarantine).properties()).containsEntry("write.merge.isolation-level", "snapshot")
                .containsEntry("write.delete.isolation-level", "snapshot");
        // A dataset's own table keeps Iceberg's serializable default.
        assertThat(catalog.loadTable(org.apache.iceberg.catalog.TableIdentifier.of("raw", "residents")).properties())
                .doesNotContainKey("write.merge.isolation-level");

        catalog.loadTable(quarantine).updateProperties().remove("write.merge.isolation-level").commit();
        tables.ensureAll(datasets);

        assertThat(catalog.loadTable(quarantine).properties()).containsEntry("write.merge.isolation-level", "snapshot");
    }

    @Test
    void rawSourceTablesWriteParquetWithoutDictionariesAlsoInALakeMadeBefore(TemporaryLake lake) throws Exception {
        Catalog catalog = LakeSession.icebergCatalog(lake.spark(), lake.settings());
        LakeTables tables = new LakeTables(catalog);
        tables.ensureAll(datasets);
        org.apache.iceberg.catalog.TableIdentifier raw = org.apache.iceberg.catalog.TableIdentifier.of("raw", "residents");
        assertThat(catalog.loadTable(raw).properties()).containsEntry("parquet.enable.dictionary", "false");
        assertThat(catalog.loadTable(org.apache.iceberg.catalog.TableIdentifier.of("curated", "residents")).properties())
                .doesNotContainKey("parquet.enable.dictionary");

        catalog.loadTable(raw).updateProperties().remove("parquet.enable.dictionary").commit();
        tables.ensureAll(datasets);

        assertThat(catalog.loadTable(raw).properties()).containsEntry("parquet.enable.dictionary", "false");
        // Rows written after the adoption: the repeated codes of a column are stored plainly, not by dictionary.
        String table = lake.table("raw.residents");
        Column[] columns = Arrays.stream(lake.spark().table(table).schema().fields())
                .map(field -> switch (field.name()) {
                    case "sex" -> functions.when(functions.col("id").mod(2).equalTo(0), "1").otherwise("2").as("sex");
                    case "ward_code" -> functions.lit("27102").as("ward_code");
                    default -> functions.lit(null).cast(field.dataType()).as(field.name());
                })
                .toArray(Column[]::new);
        lake.spark().range(100).select(columns).writeTo(table).append();
        String file = lake.spark().sql("SELECT file_path FROM " + table + ".files").first().getString(0);
        assertThat(ParquetChunks.of(file)).filteredOn(chunk -> chunk.column().equals("sex")).isNotEmpty()
                .allSatisfy(chunk -> assertThat(chunk.encodings()).doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY));
    }

    @Test
    void secondEnsureCreatesNothing(TemporaryLake lake) {
        LakeTables tables = new LakeTables(LakeSession.icebergCatalog(lake.spark(), lake.settings()));
        tables.ensureAll(datasets);

        assertThat(tables.ensureAll(datasets)).isEmpty();
    }

    @Test
    void evolvesATableWhoseDeclarationAddsOptionalColumnsAtTheEnd(TemporaryLake lake) {
        Catalog catalog = LakeSession.icebergCatalog(lake.spark(), lake.settings());
        LakeTables tables = new LakeTables(catalog);
        tables.ensureAll(datasets);
        TableName progress = new TableName(Zone.MART, "kpi_progress");
        String last = datasets.table(progress).schema().columns().get(datasets.table(progress).schema().columns().size() - 1).name();
        catalog.loadTable(progress.identifier()).updateSchema().deleteColumn(last).commit();

        tables.ensureAll(datasets);

        assertThat(LakeTables.sameColumns(catalog.loadTable(progress.identifier()).schema(), datasets.table(progress).schema())).isTrue();
        assertThat(tables.ensureAll(datasets)).isEmpty();
    }

    @Test
    void refusesATableThatDriftedFromItsDeclaration(TemporaryLake lake) {
        Catalog catalog = LakeSession.icebergCatalog(lake.spark(), lake.settings());
        LakeTables tables = new LakeTables(catalog);
        tables.ensureAll(datasets);
        TableName schools = new TableName(Zone.RAW, "schools");
        catalog.loadTable(schools.identifier()).updateSchema().addColumn("headcount", Types.IntegerType.get()).commit();

        assertThatThrownBy(() -> tables.ensureAll(datasets))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("raw.schools has drifted");
    }

    @Test
    void recreatesACuratedTableWhoseDeclarationChangedShapeSincePromotionRefillsIt(TemporaryLake lake) {
        Catalog catalog = LakeSession.icebergCatalog(lake.spark(), lake.settings());
        LakeTables tables = new LakeTables(catalog);
        tables.ensureAll(datasets);
        TableName schools = new TableName(Zone.CURATED, "schools");
        catalog.loadTable(schools.identifier()).updateSchema().addColumn("headcount", Types.IntegerType.get()).commit();

        assertThat(tables.ensureAll(datasets)).extracting(ZoneTable::name).containsExactly(schools);
        assertThat(LakeTables.sameColumns(catalog.loadTable(schools.identifier()).schema(), datasets.table(schools).schema())).isTrue();
    }
}
