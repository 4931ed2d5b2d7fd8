package org.ebpmlake.anonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KAnonymityTest {
    @Test
    void holdsWhenTheSmallestClassReachesK() {
        EquivalenceClassVerdict verdict = new KAnonymity(5).verify(List.of(5L, 9L, 12L));

        assertThat(verdict).isEqualTo(new EquivalenceClassVerdict(true, 3, 26, 5));
    }

    @Test
    void failsWhenOneClassIsSmallerThanK() {
        EquivalenceClassVerdict verdict = new KAnonymity(5).verify(List.of(5L, 4L, 12L));

        assertThat(verdict.satisfied()).isFalse();
        assertThat(verdict.smallestClass()).isEqualTo(4);
    }

    @Test
    void rejectsKBelowTwo() {
        assertThatThrownBy(() -> new KAnonymity(1)).hasMessageContaining("at least 2");
    }

    @Test
    void bandsAgesWithAnOpenTopBand() {
        AgeBands bands = new AgeBands(20, 80);

        assertThat(bands.bandOf(0)).isEqualTo("0-19");
        assertThat(bands.bandOf(39)).isEqualTo("20-39");
        assertThat(bands.bandOf(80)).isEqualTo("80+");
        assertThat(bands.bandOf(104)).isEqualTo("80+");
    }
}
