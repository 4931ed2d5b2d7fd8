package org.ebpmlake.pipelines.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.lake.LakeSettings;
import org.ebpmlake.schemas.LocalizedText;
import org.ebpmlake.schemas.TableName;
import org.ebpmlake.schemas.Zone;

/**
 * The evaluations declared in {@code lake.evaluations} ({@code conf/evaluations/}), one YAML file each, named by its id.
 * An evaluation reads only what a planner may read, a deid table or a mart: its result is published. A file that
 * cannot be used is refused with its name and the field at fault.
 */
public final class EvaluationDeclarations {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final Path directory;

    public EvaluationDeclarations(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    public static EvaluationDeclarations of(LakeSettings settings) {
        requireNonNull(settings, "settings is null");
        return new EvaluationDeclarations(Path.of(settings.option("lake.evaluations").orElse("conf/evaluations")));
    }

    /** Every declared evaluation, by id; none when the folder does not exist. */
    public List<EvaluationDeclaration> all() {
        return ids().stream().map(this::read).toList();
    }

    /**
     * The evaluation with this id, read from its own file alone, or a one-line error listing the declared ids (taken
     * from the file names, so a broken declaration elsewhere neither hides nor blocks this one).
     */
    public EvaluationDeclaration named(String id) {
        requireNonNull(id, "id is null");
        List<String> declared = ids();
        if (!declared.contains(id)) {
            throw new LakeException(ErrorCategory.UNKNOWN_NAME, "no evaluation '" + id + "' in " + directory + "; declared: "
                    + String.join(", ", declared));
        }
        return read(id);
    }

    /** The declared ids: the names of the folder's YAML files, sorted. */
    private List<String> ids() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted()
                    .map(name -> name.substring(0, name.length() - ".yaml".length())).toList();
        } catch (IOException e) {
            throw new LakeException(ErrorCategory.INVALID_FILE, "cannot list the evaluations in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** How a declaration file is written. */
    record DeclarationFile(LocalizedText title, LocalizedText question, String table, String metric, String transform, String unit,
            String time, String period, Map<String, Object> where, List<String> treated, List<String> comparison,
            String intervention, String from, String to, Double confidence) {
    }

    private EvaluationDeclaration read(String id) {
        Path file = directory.resolve(id + ".yaml");
        DeclarationFile declared;
        try {
            declared = YAML.readValue(file.toFile(), DeclarationFile.class);
        } catch (ValueInstantiationException e) {
            throw refused(file, e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage());
        } catch (IOException e) {
            String line = e instanceof com.fasterxml.jackson.core.JsonProcessingException parse && parse.getLocation() != null
                    ? "line " + parse.getLocation().getLineNr() + ": " : "";
            throw refused(file, line + (e instanceof com.fasterxml.jackson.core.JsonProcessingException parse
                    ? parse.getOriginalMessage() : e.getMessage()));
        }
        try {
            Map<String, String> where = new LinkedHashMap<>();
            if (declared.where() != null) {
                declared.where().forEach((column, value) -> where.put(column, String.valueOf(value)));
            }
            return new EvaluationDeclaration(id, required(declared.title(), "title"), required(declared.question(), "question"),
                    table(required(declared.table(), "table")), required(declared.metric(), "metric"),
                    MetricTransform.ofDeclared(declared.transform() == null ? "none" : declared.transform()),
                    required(declared.unit(), "unit"), required(declared.time(), "time"),
                    PeriodLength.ofDeclared(required(declared.period(), "period")), where,
                    new LinkedHashSet<>(required(declared.treated(), "treated")),
                    new LinkedHashSet<>(declared.comparison() == null ? List.of() : declared.comparison()),
                    date(declared.intervention(), "intervention"), date(declared.from(), "from"), date(declared.to(), "to"),
                    declared.confidence() == null ? 0.95 : declared.confidence());
        } catch (IllegalArgumentException e) {
            throw refused(file, e.getMessage());
        }
    }

    private static TableName table(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("table: write it as <zone>.<table>, e.g. mart.footfall_cells_daily; got '" + name + "'");
        }
        Zone zone = Zone.fromNamespace(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("table: no zone '" + parts[0] + "' (mart or deid)"));
        if (zone != Zone.MART && zone != Zone.DEID) {
            throw new IllegalArgumentException("table: an evaluation is published, so it reads a mart or deid table, not " + name);
        }
        return new TableName(zone, parts[1]);
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(required(value, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not a date (YYYY-MM-DD): '" + value + "'");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    private static LakeException refused(Path file, String reason) {
        return new LakeException(ErrorCategory.INVALID_FILE, "evaluation " + file + ": " + reason);
    }
}
