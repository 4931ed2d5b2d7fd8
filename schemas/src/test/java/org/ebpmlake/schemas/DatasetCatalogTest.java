package org.ebpmlake.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {
    private final DatasetCatalog catalog = DatasetCatalog.load();

    @Test
    void loadsEveryIndexedDeclaration() {
        assertThat(catalog.datasets()).extracting(DatasetDeclaration::name)
                .contains("residents", "schools", "students", "test_scores", "gps_pings", "kpi_actuals_reported",
                        "kpi_catalog", "kpi_progress", "runs", "quarantine", "privacy_reports");
    }

    @Test
    void everySourceDatasetDeclaresHowOftenItIsDelivered() {
        assertThat(catalog.dataset("residents").schedule()).contains(DeliverySchedule.MONTHLY);
        assertThat(catalog.dataset("learning_logs").schedule()).contains(DeliverySchedule.DAILY);
        assertThat(catalog.dataset("gps_pings").schedule()).contains(DeliverySchedule.DAILY);
        assertThat(catalog.dataset("kpi_actuals_reported").schedule()).contains(DeliverySchedule.QUARTERLY);
        assertThat(catalog.dataset("kpi_progress").schedule()).isEmpty();
    }

    @Test
    void rejectsASourceDatasetWithoutASchedule() {
        ColumnDeclaration ward = new ColumnDeclaration("ward_code", ColumnType.STRING, true, PrivacyClass.QUASI_IDENTIFIER,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new LocalizedText("区", "ward"));

        assertThatThrownBy(() -> new DatasetDeclaration("wards", List.of(Zone.RAW, Zone.CURATED), new LocalizedText("区", "wards"),
                List.of(), List.of(), List.of(ward), Optional.empty(), Optional.empty()))
                .hasMessageContaining("delivery schedule");
    }

    @Test
    void readsDeclaredRangesAndCodeListsOfColumns() {
        DatasetDeclaration scores = catalog.dataset("test_scores");
        DatasetDeclaration residents = catalog.dataset("residents");

        assertThat(scores.column("score").orElseThrow().range()).contains(new ValueRange(0, 100));
        assertThat(residents.column("ward_code").orElseThrow().codes()).contains("wards");
        assertThat(residents.column("town_name").orElseThrow().codes()).isEmpty();
    }

    @Test
    void everyDeliveredTableCarryingAStudentSchoolOrWardKeyChecksItsReferences() {
        for (DatasetDeclaration dataset : catalog.datasets()) {
            if (!dataset.isSource()) {
                continue;
            }
            List<String> referenced = dataset.qualityChecks().references().stream().map(ReferenceCheck::column).toList();
            for (String key : List.of("student_id", "school_code")) {
                boolean ownKey = dataset.key().equals(List.of(key));
                if (dataset.column(key).isPresent() && !ownKey) {
                    assertThat(referenced).as("%s.%s refers to its dataset", dataset.name(), key).contains(key);
                }
            }
            dataset.column("ward_code").ifPresent(ward -> assertThat(ward.codes()).as("%s.ward_code", dataset.name()).contains("wards"));
        }
        assertThat(catalog.dataset("test_scores").qualityChecks().references())
                .containsExactly(new ReferenceCheck("student_id", "students", QualityLevel.ERROR));
    }

    @Test
    void scheduledDatasetsGetAVolumeCheckInBothDirectionsAndAToleranceForQuarantinedRows() {
        QualityDeclaration gps = catalog.dataset("gps_pings").qualityChecks();
        QualityDeclaration kpi = catalog.dataset("kpi_actuals_reported").qualityChecks();

        assertThat(gps.expectedDelivery()).contains(new ExpectedDelivery(Cadence.DAILY, Optional.empty()));
        assertThat(gps.expectedDelivery().orElseThrow().staleAfter()).isEqualTo(java.time.Duration.ofDays(2));
        assertThat(gps.volumeCheck()).contains(new VolumeCheck(3, QualityLevel.ERROR));
        assertThat(catalog.dataset("students").qualityChecks().volumeCheck()).contains(VolumeCheck.DEFAULT);
        assertThat(gps.tolerance()).isEqualTo(QualityDeclaration.DEFAULT_QUARANTINE_TOLERANCE);
        assertThat(kpi.expectedDelivery()).isEmpty();
        assertThat(kpi.volumeCheck()).isEmpty();
        assertThat(kpi.tolerance()).isEqualTo(0.5);
        assertThatThrownBy(() -> new VolumeCheck(0.5, QualityLevel.ERROR)).hasMessageContaining("above 1");
    }

    @Test
    void noDirectIdentifierReachesTheCuratedDeidOrMartZones() {
        for (ZoneTable table : catalog.tables()) {
            if (table.name().zone().holdsDirectIdentifiers()) {
                continue;
            }
            for (ColumnDeclaration column : table.dataset().columnsOfClass(PrivacyClass.DIRECT_IDENTIFIER)) {
                assertThat(table.schema().findField(column.name())).as("%s in %s", column.name(), table.name()).isNull();
            }
        }
    }

    @Test
    void curatedResidentsCarryPseudonymsInsteadOfIdsAndNoNames() {
        ZoneTable curated = catalog.table(new TableName(Zone.CURATED, "residents"));

        assertThat(curated.schema().findField("resident_id_pseudonym")).isNotNull();
        assertThat(curated.schema().findField("household_id_pseudonym")).isNotNull();
        assertThat(curated.schema().findField("name_kanji")).isNull();
        assertThat(curated.schema().findField("name_kana")).isNull();
        assertThat(curated.properties()).containsEntry("ebpm.privacy.birth_date", "quasi_identifier");
    }

    @Test
    void rawTablesCarryLineageAndCuratedTablesKeepOnlyTheBatchId() {
        ZoneTable raw = catalog.table(new TableName(Zone.RAW, "gps_pings"));
        ZoneTable curated = catalog.table(new TableName(Zone.CURATED, "gps_pings"));

        for (LineageColumn lineage : LineageColumn.values()) {
            assertThat(raw.schema().findField(lineage.columnName())).as(lineage.columnName()).isNotNull();
        }
        assertThat(curated.schema().findField("_batch_id")).isNotNull();
        assertThat(curated.schema().findField("_file_hash")).isNull();
        assertThat(raw.partitionSpec().fields()).singleElement()
                .satisfies(field -> assertThat(field.transform().toString()).isEqualTo("day"));
    }

    @Test
    void datedDatasetsGainTheirFiscalYearBesideTheDateInCuratedOnly() {
        ZoneTable raw = catalog.table(new TableName(Zone.RAW, "attendance"));
        ZoneTable curated = catalog.table(new TableName(Zone.CURATED, "attendance"));

        assertThat(raw.schema().findField("school_year")).isNull();
        assertThat(curated.schema().findField("school_year").type()).isEqualTo(org.apache.iceberg.types.Types.IntegerType.get());
        assertThatThrownBy(() -> new ColumnDeclaration("ward_code", ColumnType.STRING, true, PrivacyClass.QUASI_IDENTIFIER,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("fiscal_year"),
                new LocalizedText("区", "ward"))).hasMessageContaining("not a date or timestamp");
    }

    @Test
    void everyColumnHasBilingualDocumentation() {
        for (ZoneTable table : catalog.tables()) {
            for (Types.NestedField field : table.schema().columns()) {
                assertThat(field.doc()).as("%s.%s", table.name(), field.name()).contains(" / ");
            }
        }
    }

    @Test
    void rejectsAPublishedDatasetThatDeclaresADirectIdentifier() {
        ColumnDeclaration name = new ColumnDeclaration("name_kanji", ColumnType.STRING, true,
                PrivacyClass.DIRECT_IDENTIFIER, Optional.of(DirectIdentifierTreatment.DROP), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new LocalizedText("氏名", "name"));

        assertThatThrownBy(() -> new DatasetDeclaration("leaky", List.of(Zone.MART), new LocalizedText("漏えい", "leak"),
                List.of(), List.of(), List.of(name), Optional.empty(), Optional.empty()))
                .hasMessageContaining("direct identifier name_kanji");
    }

    @Test
    void noTableOutsideTheRawZoneCarriesADirectIdentifier() {
        for (ZoneTable table : catalog.tables()) {
            if (table.name().zone() == Zone.RAW) {
                continue;
            }
            assertThat(table.properties()).as("privacy classes of %s", table.name())
                    .doesNotContainValue(PrivacyClass.DIRECT_IDENTIFIER.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void theQuarantineKeepsTheRowAsDeliveredInTheRawZoneWithoutBeingASource() {
        ZoneTable quarantine = catalog.table(new TableName(Zone.RAW, "quarantine"));

        assertThat(quarantine.properties()).containsEntry(ZoneTable.PRIVACY_PROPERTY_PREFIX + "raw_record", "direct_identifier");
        assertThat(quarantine.dataset().isSource()).isFalse();
        assertThat(quarantine.schema().findField(LineageColumn.BATCH_ID.columnName())).as("no lineage of its own").isNull();
        assertThat(catalog.find(new TableName(Zone.OPS, "quarantine"))).isEmpty();
        assertThatThrownBy(() -> catalog.source("quarantine")).hasMessageContaining("residents");
    }

    @Test
    void rejectsADirectIdentifierInTheOpsZone() {
        ColumnDeclaration row = new ColumnDeclaration("raw_record", ColumnType.STRING, true,
                PrivacyClass.DIRECT_IDENTIFIER, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new LocalizedText("元の行", "row as delivered"));

        assertThatThrownBy(() -> new DatasetDeclaration("rejects", List.of(Zone.OPS), new LocalizedText("隔離", "rejects"),
                List.of(), List.of(), List.of(row), Optional.empty(), Optional.empty()))
                .hasMessageContaining("declares direct identifier raw_record");
    }

    @Test
    void rejectsACuratedDirectIdentifierWithoutTreatment() {
        ColumnDeclaration id = new ColumnDeclaration("resident_id", ColumnType.STRING, true,
                PrivacyClass.DIRECT_IDENTIFIER, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new LocalizedText("住民番号", "id"));

        assertThatThrownBy(() -> new DatasetDeclaration("people", List.of(Zone.RAW, Zone.CURATED),
                new LocalizedText("住民", "people"), List.of("resident_id"), List.of(), List.of(id), Optional.empty(),
                Optional.of(DeliverySchedule.MONTHLY)))
                .hasMessageContaining("must declare a treatment");
    }

    @Test
    void rejectsPartitioningByAColumnTheZoneDoesNotHave() {
        ColumnDeclaration id = new ColumnDeclaration("resident_id", ColumnType.STRING, true,
                PrivacyClass.DIRECT_IDENTIFIER, Optional.of(DirectIdentifierTreatment.DROP), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new LocalizedText("住民番号", "id"));
        DatasetDeclaration dataset = new DatasetDeclaration("people", List.of(Zone.RAW, Zone.CURATED),
                new LocalizedText("住民", "people"), List.of(), List.of("bucket(8, resident_id)"), List.of(id), Optional.empty(),
                Optional.of(DeliverySchedule.MONTHLY));

        assertThat(catalog.layout().tableIn(dataset, Zone.RAW).partitionSpec().fields()).hasSize(1);
        assertThatThrownBy(() -> catalog.layout().tableIn(dataset, Zone.CURATED))
                .hasMessageContaining("zone curated has no column resident_id");
    }
}
