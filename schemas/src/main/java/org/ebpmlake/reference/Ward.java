package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

/** A ward of the city, identified by its local-government code. */
public record Ward(String code, String nameJa, String nameEn, long population) {
    public Ward {
        requireNonNull(code, "code is null");
        if (!code.matches("271\\d\\d")) {
            throw new IllegalArgumentException("not a ward code of the city: " + code);
        }
        requireNonNull(nameJa, "nameJa is null");
        requireNonNull(nameEn, "nameEn is null");
        if (population <= 0) {
            throw new IllegalArgumentException("population of ward " + code + " must be positive");
        }
    }
}
