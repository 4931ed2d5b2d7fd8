package org.ebpmlake.schemas;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;
import org.ebpmlake.reference.CodeList;

/**
 * Every dataset the lake knows, read from the YAML declarations under {@code datasets/} on the classpath.
 * The list of files is {@code datasets/index.txt}, so a declaration cannot be forgotten by a packaging step.
 */
public final class DatasetCatalog {
    private static final String INDEX = "datasets/index.txt";

    private final List<DatasetDeclaration> datasets;
    private final ZoneTableLayout layout = new ZoneTableLayout();

    private DatasetCatalog(List<DatasetDeclaration> datasets) {
        this.datasets = List.copyOf(datasets);
    }

    public static DatasetCatalog load() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .registerModule(new Jdk8Module())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        List<DatasetDeclaration> declarations = new ArrayList<>();
        for (String file : readIndex()) {
            String resource = "datasets/" + file;
            try (InputStream in = resource(resource)) {
                declarations.add(mapper.readValue(in, DatasetDeclaration.class));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dataset declaration " + resource + ": " + e.getMessage(), e);
            }
        }
        declarations.forEach(DatasetCatalog::checkCodeListsExist);
        return new DatasetCatalog(declarations);
    }

    /** A declaration naming a code list that is not shipped fails at load, not at the first delivery. */
    private static void checkCodeListsExist(DatasetDeclaration dataset) {
        for (ColumnDeclaration column : dataset.columns()) {
            column.codes().ifPresent(CodeList::load);
        }
    }

    public List<DatasetDeclaration> datasets() {
        return datasets;
    }

    public DatasetDeclaration dataset(String name) {
        requireNonNull(name, "name is null");
        return datasets.stream().filter(dataset -> dataset.name().equals(name)).findFirst()
                .orElseThrow(() -> new LakeException(ErrorCategory.UNKNOWN_NAME, "データセット " + name + " は宣言されていません。"
                        + "宣言済み / no dataset is declared with the name " + name + "; declared: "
                        + String.join(", ", datasets.stream().map(DatasetDeclaration::name).distinct().toList())));
    }

    /**
     * A dataset deliveries are ingested into (one with a raw zone). Any other name, declared or not, is refused
     * with the list of source datasets, since only those take a delivery.
     */
    public DatasetDeclaration source(String name) {
        requireNonNull(name, "name is null");
        List<String> sources = datasets.stream().filter(dataset -> dataset.isSource())
                .map(DatasetDeclaration::name).distinct().toList();
        return datasets.stream().filter(dataset -> dataset.name().equals(name) && dataset.isSource())
                .findFirst()
                .orElseThrow(() -> new LakeException(ErrorCategory.UNKNOWN_NAME, "データセット " + name
                        + " は取込先（raw ゾーンを持つデータセット）ではありません。次のいずれかを指定してください / " + name
                        + " is not a dataset deliveries go to; give one of: " + String.join(", ", sources)));
    }

    public Optional<ZoneTable> find(TableName name) {
        requireNonNull(name, "name is null");
        return datasets.stream()
                .filter(dataset -> dataset.name().equals(name.name()) && dataset.zones().contains(name.zone()))
                .findFirst()
                .map(dataset -> layout.tableIn(dataset, name.zone()));
    }

    public ZoneTable table(TableName name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no dataset declares table " + name));
    }

    /** Every table of every zone, in zone order (raw first), then by name. */
    public List<ZoneTable> tables() {
        List<ZoneTable> tables = new ArrayList<>();
        for (DatasetDeclaration dataset : datasets) {
            for (Zone zone : dataset.zones()) {
                tables.add(layout.tableIn(dataset, zone));
            }
        }
        tables.sort(Comparator.comparing((ZoneTable table) -> table.name().zone()).thenComparing(table -> table.name().name()));
        return List.copyOf(tables);
    }

    public ZoneTableLayout layout() {
        return layout;
    }

    private static List<String> readIndex() {
        try (InputStream in = resource(INDEX)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DatasetCatalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the classpath");
        }
        return in;
    }
}
