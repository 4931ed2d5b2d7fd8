package org.ebpmlake.anonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedPseudonymizerTest {
    private static final String KEY = "test-key-0123456789-0123456789-abcdef";

    @Test
    void sameIdentifierGivesTheSamePseudonymAcrossInstances() {
        KeyedPseudonymizer first = new KeyedPseudonymizer(PseudonymKey.of(KEY));
        KeyedPseudonymizer second = new KeyedPseudonymizer(PseudonymKey.fromEnvironment(Map.of(PseudonymKey.VARIABLE, KEY)));

        assertThat(first.pseudonym("R000123")).isEqualTo(second.pseudonym("R000123")).hasSize(64);
    }

    @Test
    void matchesHmacSha256ComputedIndependently() {
        // Expected values computed outside Java: python3 -c "import hmac,hashlib;
        // print(hmac.new(b'<key>', '<id>'.encode(), hashlib.sha256).hexdigest())"
        KeyedPseudonymizer pseudonymizer = new KeyedPseudonymizer(PseudonymKey.of(KEY));

        assertThat(pseudonymizer.pseudonym("R000123"))
                .isEqualTo("ac7ea19945e2db1ae3457e730233bbbf08469ff625aa1aba84f6b177b4e10ede");
        assertThat(pseudonymizer.pseudonym("住民0001"))
                .isEqualTo("fd0473b6cf045a92b7a6bd81e08143fb8dbf80544dd4763e9fec3ec2d00ed421");
    }

    @Test
    void differentKeysGiveUnrelatedPseudonyms() {
        KeyedPseudonymizer one = new KeyedPseudonymizer(PseudonymKey.of(KEY));
        KeyedPseudonymizer other = new KeyedPseudonymizer(PseudonymKey.of(KEY + "x"));

        assertThat(one.pseudonym("R000123")).isNotEqualTo(other.pseudonym("R000123"));
    }

    @Test
    void refusesToWorkWithoutAKeyAndSaysWhichVariableIsMissing() {
        assertThatThrownBy(() -> PseudonymKey.fromEnvironment(Map.of()))
                .isInstanceOf(MissingPseudonymKeyException.class)
                .hasMessageContaining("LAKE_PSEUDONYM_KEY is not set");
        assertThatThrownBy(() -> PseudonymKey.of("short"))
                .hasMessageContaining("too short");
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(PseudonymKey.of(KEY).toString()).doesNotContain(KEY);
    }
}
