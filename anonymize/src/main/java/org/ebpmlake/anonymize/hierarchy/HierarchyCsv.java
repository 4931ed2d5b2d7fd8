package org.ebpmlake.anonymize.hierarchy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ARX's hierarchy file: one line per value, the value then its generalizations, separated by semicolons, no
 * header and no quoting. Files written here open in ARX, and ARX's files read here.
 */
public final class HierarchyCsv {
    private static final String SEPARATOR = ";";

    private HierarchyCsv() {
    }

    public static Hierarchy read(Path file) {
        requireNonNull(file, "file is null");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hierarchy " + file, e);
        }
    }

    /** Parses hierarchy text; {@code source} only names the text in error messages. */
    public static Hierarchy parse(String text, String source) {
        requireNonNull(text, "text is null");
        List<List<String>> rows = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (index == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            rows.add(Arrays.asList(line.split(SEPARATOR, -1)));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the hierarchy " + source + " has no line");
        }
        try {
            return new Hierarchy(rows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the hierarchy " + source + " is not valid: " + e.getMessage(), e);
        }
    }

    public static String format(Hierarchy hierarchy) {
        requireNonNull(hierarchy, "hierarchy is null");
        StringBuilder text = new StringBuilder();
        for (List<String> row : hierarchy.rows()) {
            text.append(String.join(SEPARATOR, row)).append('\n');
        }
        return text.toString();
    }

    public static void write(Hierarchy hierarchy, Path file) {
        requireNonNull(file, "file is null");
        try {
            Files.writeString(file, format(hierarchy), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hierarchy " + file, e);
        }
    }
}
