package org.ebpmlake.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code lake anonymize file} fed what a steward's folder really holds, and what an attacker would write: every case
 * ends in a clean result or in one line saying what is wrong, never a crash, a stack trace or a partial output, and
 * the report is on disk only when its output is complete beside it.
 */
class AnonymizeFileHostileInputIT {
    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final String HEADER = "年齢,性別,区,傷病";
    /** The per-mutation budget of the random fuzz; each case is an in-process run of a small file. */
    private static final int MUTATIONS = 60;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "separator {0}")
    @ValueSource(strings = {",", ";", "\t", "|"})
    void detectsAnyOfTheFourSeparatorsAndWritesTheOutputWithTheSame(String separator) throws IOException {
        Path input = write("people.csv", goodRows().replace(",", separator), StandardCharsets.UTF_8);

        Finished finished = anonymize(input, hierarchies(StandardCharsets.UTF_8));

        assertThat(finished.exitCode()).as(finished.errors()).isZero();
        assertThat(Files.readAllLines(output()).get(0)).isEqualTo(HEADER.replace(",", separator));
        assertThat(report()).exists();
    }

    @Test
    void aNamedSeparatorWinsOverDetection() throws IOException {
        Path input = write("people.txt", goodRows().replace(",", ";"), StandardCharsets.UTF_8);

        Finished wrong = anonymize(input, hierarchies(StandardCharsets.UTF_8), "--separator", "|");
        Finished right = anonymize(input, hierarchies(StandardCharsets.UTF_8), "--separator", ";");

        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.oneLine()).contains("no column 年齢").contains("--separator");
        assertThat(right.exitCode()).as(right.errors()).isZero();
    }

    @Test
    void readsHierarchiesWrittenInCp932() throws IOException {
        Path input = write("people.csv", goodRows(), CP932);

        Finished finished = anonymize(input, hierarchies(CP932));

        assertThat(finished.exitCode()).as(finished.errors()).isZero();
        assertThat(new String(Files.readAllBytes(output()), CP932)).contains("大阪市北部");
    }

    @Test
    void refusesWhatCannotBeDeidentifiedInOneLineAndWritesNothing() throws IOException {
        List<Case> cases = List.of(
                new Case("header only", write("header-only.csv", HEADER + "\n", StandardCharsets.UTF_8), "no rows"),
                new Case("a column named twice", write("twice.csv", "年齢,性別,区,区\n30,1,北区,北区\n", StandardCharsets.UTF_8),
                        "区"),
                new Case("a column without a name", write("nameless.csv", "年齢,,区,傷病\n30,1,北区,かぜ\n", StandardCharsets.UTF_8),
                        "header"),
                new Case("an empty file", write("empty.csv", "", StandardCharsets.UTF_8), "empty"),
                new Case("UTF-16", write("utf16.csv", goodRows(), StandardCharsets.UTF_16LE), "UTF-8"),
                new Case("random bytes", writeBytes("random.csv", randomBytes(new Random(7), 4096)), "error"),
                new Case("a quote never closed", write("quote.csv", HEADER + "\n30,1,北区,\"かぜ\n40,2,南区,骨折\n",
                        StandardCharsets.UTF_8), "error"),
                new Case("a row with too many fields", write("wide.csv", HEADER + "\n30,1,北区,かぜ,余分\n", StandardCharsets.UTF_8),
                        "fields"));
        for (Case refused : cases) {
            Finished finished = anonymize(refused.input(), hierarchies(StandardCharsets.UTF_8));

            assertThat(finished.exitCode()).as(refused.name() + ": " + finished.errors()).isEqualTo(2);
            assertThat(finished.oneLine()).as(refused.name()).containsIgnoringCase(refused.expected());
            assertThat(output()).as(refused.name()).doesNotExist();
            assertThat(report()).as(refused.name()).doesNotExist();
        }
    }

    @Test
    void refusesWrongOptionsBeforeReadingARow() throws IOException {
        Path input = write("people.csv", goodRows(), StandardCharsets.UTF_8);
        List<String[]> wrong = List.of(
                new String[] {"--k", "0"},
                new String[] {"--suppression-limit", "1.5"},
                new String[] {"--separator", ":"},
                new String[] {"--l-diversity", "病名=2"},
                new String[] {"--tier", "anonymised"});
        for (String[] options : wrong) {
            Finished finished = anonymize(input, hierarchies(StandardCharsets.UTF_8), options);

            assertThat(finished.exitCode()).as(String.join(" ", options) + ": " + finished.errors()).isEqualTo(2);
            assertThat(finished.oneLine()).isNotBlank();
            assertThat(output()).doesNotExist();
        }
        Finished intoItself = run("anonymize", "file", input.toString(), "--qi", "区=" + hierarchies(StandardCharsets.UTF_8).get(1),
                "--k", "2", "--suppression-limit", "0.5", "--out", input.toString(), "--report", report().toString());
        assertThat(intoItself.exitCode()).isEqualTo(2);
        assertThat(Files.readString(input)).isEqualTo(goodRows());
    }

    @Test
    void refusesABadUtilityMetricOrWeightInOneLineNamingTheOption() throws IOException {
        Path input = write("people.csv", goodRows(), StandardCharsets.UTF_8);
        List<Case> cases = List.of(
                new Case("--metric", input, "--metric: unknown utility metric 'los'; the metrics are loss, aecs,"
                        + " discernibility, precision, entropy"),
                new Case("--attribute-weight", input, "--attribute-weight: the weight of 年齢 must be a number ≥ 0, got -1.0"),
                new Case("--attribute-weight", input, "--attribute-weight 傷病: 準識別子ではありません / not a quasi-identifier"),
                new Case("--gs-factor", input, "--gs-factor: the gs-factor must be in [0, 1], got 1.5"),
                new Case("--aggregate", input, "--aggregate must be geometric_mean, arithmetic_mean or sum, got 'median'"));
        List<String[]> options = List.of(new String[] {"--metric", "los"}, new String[] {"--attribute-weight", "年齢=-1"},
                new String[] {"--attribute-weight", "傷病=1"}, new String[] {"--gs-factor", "1.5"},
                new String[] {"--aggregate", "median"});
        for (int index = 0; index < cases.size(); index++) {
            Finished finished = anonymize(input, hierarchies(StandardCharsets.UTF_8), options.get(index));

            assertThat(finished.exitCode()).as(cases.get(index).name() + ": " + finished.errors()).isEqualTo(2);
            assertThat(finished.oneLine()).contains(cases.get(index).expected());
            assertThat(output()).doesNotExist();
            assertThat(report()).doesNotExist();
        }
    }

    @Test
    void theReportNamesTheMetricTheSearchMinimisedAndItsValue() throws IOException {
        Path input = write("people.csv", goodRows(), StandardCharsets.UTF_8);

        Finished finished = anonymize(input, hierarchies(StandardCharsets.UTF_8), "--metric", "precision",
                "--attribute-weight", "区=1", "--attribute-weight", "年齢=0.25");

        assertThat(finished.exitCode()).as(finished.errors()).isZero();
        JsonNode json = new ObjectMapper().readTree(report().toFile());
        assertThat(json.get("optimisedMetric").asText())
                .isEqualTo("precision(gs=0.5, arithmetic_mean, weights {区=1.0, 年齢=0.25})");
        // ARX's precision of the reported transformation: per attribute ((kept × level / height) + suppressed) / records,
        // both hierarchies of height 2, then the arithmetic mean weighted 区 1, 年齢 0.25.
        double records = json.get("records").asDouble();
        double suppressed = json.get("suppressedRecords").asDouble();
        double age = ((records - suppressed) * json.get("transformation").get("年齢").asInt() / 2 + suppressed) / records;
        double ward = ((records - suppressed) * json.get("transformation").get("区").asInt() / 2 + suppressed) / records;
        assertThat(json.get("optimisedValue").asDouble()).isCloseTo(age / 2 * 0.25 + ward / 2, within(1e-12));
        assertThat(json.get("informationLoss").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void randomlyDamagedFilesEndInAResultOrOneLineNeverACrashOrAPartialOutput() throws IOException {
        Random random = new Random(20261128);
        byte[] original = goodRows().getBytes(StandardCharsets.UTF_8);
        int refused = 0;
        for (int mutation = 0; mutation < MUTATIONS; mutation++) {
            Files.deleteIfExists(output());
            Files.deleteIfExists(report());
            Path input = writeBytes("damaged-" + mutation + ".csv", damage(original, random));

            Finished finished = anonymize(input, hierarchies(StandardCharsets.UTF_8));

            assertThat(finished.exitCode()).as("mutation %d: %s", mutation, finished.errors()).isIn(0, 2, 3, 4);
            assertThat(finished.errors()).as("mutation %d", mutation).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(finished.errors().lines().filter(line -> !line.isBlank()).count()).as("mutation %d", mutation)
                    .isLessThanOrEqualTo(1);
            if (finished.exitCode() == 0) {
                assertThat(output()).exists();
                assertThat(report()).exists();
            } else {
                refused++;
                assertThat(output()).as("mutation %d", mutation).doesNotExist();
                assertThat(report()).as("mutation %d", mutation).doesNotExist();
            }
            try (Stream<Path> leftovers = Files.list(directory)) {
                assertThat(leftovers.filter(path -> path.toString().endsWith(".partial"))).isEmpty();
            }
        }
        assertThat(refused).as("mutations refused").isPositive().isLessThan(MUTATIONS);
    }

    /** Twenty people: enough for k = 2 once ages are banded. */
    private static String goodRows() {
        StringBuilder rows = new StringBuilder(HEADER).append('\n');
        String[] wards = {"北区", "都島区", "福島区", "此花区"};
        String[] illnesses = {"かぜ", "骨折", "頭痛", "腹痛"};
        for (int person = 0; person < 20; person++) {
            rows.append(20 + person * 3).append(',').append(1 + person % 2).append(',').append(wards[person % 4]).append(',')
                    .append(illnesses[(person / 2) % 4]).append('\n');
        }
        return rows.toString();
    }

    /** Hierarchies for 年齢 (ten-year bands) and 区 (north and the rest of the city). */
    private List<Path> hierarchies(Charset charset) throws IOException {
        StringBuilder ages = new StringBuilder();
        for (int age = 0; age < 120; age++) {
            ages.append(age).append(';').append(age / 10 * 10).append('-').append(age / 10 * 10 + 9).append(";*\n");
        }
        Path age = directory.resolve("hierarchy-age-" + charset.name() + ".csv");
        Path ward = directory.resolve("hierarchy-ward-" + charset.name() + ".csv");
        Files.write(age, ages.toString().getBytes(charset));
        Files.write(ward, "北区;大阪市北部;*\n都島区;大阪市北部;*\n福島区;大阪市西部;*\n此花区;大阪市西部;*\n".getBytes(charset));
        return List.of(age, ward);
    }

    private Finished anonymize(Path input, List<Path> hierarchies, String... options) {
        List<String> arguments = new ArrayList<>(List.of("anonymize", "file", input.toString(),
                "--qi", "年齢=" + hierarchies.get(0), "--qi", "区=" + hierarchies.get(1),
                "--out", output().toString(), "--report", report().toString()));
        List<String> given = List.of(options);
        // The usual k and suppression limit, unless the case names its own (picocli takes an option once).
        if (!given.contains("--k")) {
            arguments.addAll(List.of("--k", "2"));
        }
        if (!given.contains("--suppression-limit")) {
            arguments.addAll(List.of("--suppression-limit", "0.3"));
        }
        arguments.addAll(given);
        return run(arguments.toArray(String[]::new));
    }

    /** Runs the command in this JVM as {@code ./lake} would, catching what it prints. */
    private static Finished run(String... arguments) {
        StringWriter picocliErrors = new StringWriter();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream originalErrors = System.err;
        PrintStream originalOutput = System.out;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            CommandLine command = Lake.commandLine();
            command.setErr(new PrintWriter(picocliErrors, true));
            int exitCode = command.execute(arguments);
            return new Finished(exitCode, picocliErrors + errors.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErrors);
            System.setOut(originalOutput);
        }
    }

    /** One of: a byte flipped, a line dropped, a quote or separator inserted, the file cut short, a huge field. */
    private static byte[] damage(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(6)) {
            case 0 -> {
                bytes[at] = (byte) random.nextInt(256);
                yield bytes;
            }
            case 1 -> java.util.Arrays.copyOf(bytes, at);
            case 2 -> insert(bytes, at, "\"".getBytes(StandardCharsets.UTF_8));
            case 3 -> insert(bytes, at, ",".getBytes(StandardCharsets.UTF_8));
            case 4 -> insert(bytes, at, "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
            default -> dropLine(bytes, random);
        };
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static byte[] dropLine(byte[] bytes, Random random) {
        List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
        lines.remove(random.nextInt(lines.size()));
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return writeBytes(name, text.getBytes(charset));
    }

    private Path writeBytes(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    private Path output() {
        return directory.resolve("out.csv");
    }

    private Path report() {
        return directory.resolve("report.json");
    }

    private record Case(String name, Path input, String expected) {
    }

    private record Finished(int exitCode, String errors) {
        String oneLine() {
            List<String> lines = errors.lines().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as(errors).hasSize(1);
            return lines.get(0);
        }
    }
}
