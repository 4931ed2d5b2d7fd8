package org.ebpmlake.pipelines.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.ebpmlake.lake.LakeExtension;
import org.ebpmlake.lake.TemporaryLake;
import org.ebpmlake.schemas.DatasetCatalog;
import org.ebpmlake.schemas.DatasetDeclaration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Duplicate keys are found the same way whichever way the key hashes are compared: sorted on the driver (deliveries
 * up to {@link DeliveryParse#HASHES_SORTED_ON_DRIVER} rows) or counted by Spark (larger ones), and whether the repeated
 * hashes are few enough to be listed in a filter or joined.
 */
@ExtendWith(LakeExtension.class)
class DeliveryParseTest {
    private static final String VISITS = "visit_id,student_id,visited_at,complaint,minutes_stayed,sent_home\n";
    private final DatasetDeclaration nurseVisits = DatasetCatalog.load().source("nurse_visits");

    @ParameterizedTest(name = "{0} visits twice, hashes sorted on the driver up to {1} rows")
    @CsvSource({"3, 16000000", "3, 0", "1200, 16000000", "1200, 0"})
    void quarantinesEveryCopyOfEveryRepeatedKeyAndNothingElse(int repeatedVisits, long sortedOnDriver, TemporaryLake lake)
            throws IOException {
        StringBuilder once = new StringBuilder();
        for (int visit = 1; visit <= repeatedVisits; visit++) {
            once.append("V").append(visit).append(",S").append(visit).append(",2025-03-31 09:00,fever,5,○\n");
        }
        String unique = "U1,S0,2025-03-31 10:00,headache,10,×\n";
        Path file = lake.directory().resolve("visits.csv");
        Files.writeString(file, VISITS + once + unique + once, StandardCharsets.UTF_8);

        try (ParsedDelivery parsed = new DeliveryParse(lake.spark(), sortedOnDriver).parse(nurseVisits, file, "visits.csv",
                new PlausibleDates(LocalDate.of(2025, 3, 31), Instant.now()))) {
            assertThat(parsed.accepted()).isEqualTo(1);
            assertThat(parsed.quarantined()).isEqualTo(2L * repeatedVisits);
            assertThat(parsed.quarantinedRows().where(parsed.quarantinedRows().col(RowParser.REASON).equalTo(DeliveryParse.DUPLICATE_KEY))
                    .count()).isEqualTo(2L * repeatedVisits);
            assertThat(parsed.acceptedRows().first().<String>getAs("visit_id")).isEqualTo("U1");
        }
    }
}
