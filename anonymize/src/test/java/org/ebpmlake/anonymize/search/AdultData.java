package org.ebpmlake.anonymize.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ebpmlake.anonymize.hierarchy.HierarchyCsv;

/** The public "adult" benchmark with ARX's own hierarchies, kept in this module's test resources (see its SOURCE.txt). */
final class AdultData {
    static final List<String> QUASI_IDENTIFIERS = List.of("sex", "age", "race", "marital-status", "education",
            "native-country", "workclass", "occupation");
    static final String SENSITIVE = "salary-class";
    private static Table table;

    private AdultData() {
    }

    static Path directory() {
        return Paths.get(System.getenv("LAKE_REPO_ROOT")).resolve("anonymize/src/test/resources/adult");
    }

    static synchronized Table table() {
        if (table == null) {
            try {
                List<String> lines = Files.readAllLines(directory().resolve("adult.csv"), StandardCharsets.UTF_8);
                List<String[]> rows = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    if (!line.isBlank()) {
                        rows.add(line.split(";", -1));
                    }
                }
                table = new Table(Arrays.asList(lines.get(0).split(";")), rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return table;
    }

    static QuasiIdentifier quasiIdentifier(String column) {
        return new QuasiIdentifier(column, HierarchyCsv.read(directory().resolve("adult_hierarchy_" + column + ".csv")));
    }

    static List<QuasiIdentifier> quasiIdentifiers(List<String> columns) {
        List<QuasiIdentifier> quasiIdentifiers = new ArrayList<>();
        for (String column : columns) {
            quasiIdentifiers.add(quasiIdentifier(column));
        }
        return quasiIdentifiers;
    }
}
