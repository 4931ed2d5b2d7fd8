package org.ebpmlake.pipelines.quality;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.ebpmlake.schemas.ExpectedDelivery;
import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.schemas.QualityLevel;

/**
 * Whether a source still delivers: nothing new for longer than its expected delivery allows is flagged (a
 * warning: there is no batch to hold back, but the steward must chase the source).
 */
final class Freshness {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

    private final ExpectedDelivery expected;

    Freshness(ExpectedDelivery expected) {
        this.expected = requireNonNull(expected, "expected delivery is null");
    }

    CheckFinding assess(Optional<Instant> lastDelivery, Instant now) {
        requireNonNull(lastDelivery, "lastDelivery is null");
        requireNonNull(now, "now is null");
        long allowed = expected.staleAfter().toDays();
        String name = "freshness(" + expected.every().label() + ", new delivery within " + allowed + " days)";
        if (lastDelivery.isEmpty()) {
            return new CheckFinding(name, QualityLevel.WARNING, false, new LocalizedText(
                    expected.every().labelJa() + "届くはずのデータがまだ一度も届いていません",
                    "nothing delivered yet from a " + expected.every().label() + " source"));
        }
        Duration age = Duration.between(lastDelivery.get(), now);
        String last = TIME.format(lastDelivery.get());
        if (age.compareTo(expected.staleAfter()) <= 0) {
            return new CheckFinding(name, QualityLevel.WARNING, true, new LocalizedText(
                    "最後の取込 " + last + "（" + expected.every().labelJa() + "）", "last delivery " + last + " (" + expected.every().label() + ")"));
        }
        return new CheckFinding(name, QualityLevel.WARNING, false, new LocalizedText(
                String.format("%s届くはずのデータが %d 日間届いていません（最後の取込 %s、%d 日で警告）", expected.every().labelJa(),
                        age.toDays(), last, allowed),
                String.format("nothing new for %d days from a %s source (last delivery %s; stale after %d days)", age.toDays(),
                        expected.every().label(), last, allowed)));
    }
}
