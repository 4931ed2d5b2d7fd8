package org.ebpmlake.reference;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list of valid codes, read from {@code reference/<name>.csv} (column {@code code}), such as the city's
 * ward codes. Columns name their code list in the dataset declarations ({@code codes: wards}).
 */
public record CodeList(String name, Set<String> codes) {
    public CodeList {
        requireNonNull(name, "name is null");
        codes = Set.copyOf(requireNonNull(codes, "codes is null"));
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("code list " + name + " is empty");
        }
    }

    public static CodeList load(String name) {
        requireNonNull(name, "name is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("code list names are lower snake case: '" + name + "'");
        }
        Set<String> codes = ResourceCsv.read("reference/" + name + ".csv").stream()
                .map(record -> record.get("code"))
                .collect(Collectors.toSet());
        return new CodeList(name, codes);
    }

    public boolean contains(String code) {
        return codes.contains(code);
    }
}
