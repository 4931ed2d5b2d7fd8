package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

/** A text in Japanese (shown first to users) with its English counterpart. */
public record LocalizedText(String ja, String en) {
    public LocalizedText {
        requireNonNull(ja, "ja is null");
        requireNonNull(en, "en is null");
        if (ja.isBlank()) {
            throw new IllegalArgumentException("Japanese text is blank (English: '" + en + "')");
        }
    }

    /** Both languages in one line, Japanese first, as used in table and column comments. */
    public String bilingual() {
        if (en.isBlank()) {
            return ja;
        }
        return ja + " / " + en;
    }
}
