package org.ebpmlake.dashboards.declaration;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Every declared dashboard, read from the classpath ({@code dashboards/index.txt} lists them in menu order). */
public final class DashboardCatalog {
    private final List<DashboardDeclaration> dashboards;

    private DashboardCatalog(List<DashboardDeclaration> dashboards) {
        this.dashboards = List.copyOf(dashboards);
    }

    public static DashboardCatalog load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new Jdk8Module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<DashboardDeclaration> dashboards = new ArrayList<>();
        for (String line : resource("dashboards/index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            try {
                dashboards.add(yaml.readValue(resource("dashboards/" + name), DashboardDeclaration.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("dashboard declaration dashboards/" + name + " is invalid: " + e.getMessage(), e);
            }
        }
        return new DashboardCatalog(dashboards);
    }

    public List<DashboardDeclaration> all() {
        return dashboards;
    }

    public DashboardDeclaration dashboard(String id) {
        requireNonNull(id, "id is null");
        return dashboards.stream().filter(dashboard -> dashboard.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dashboard is declared with id " + id));
    }

    private static String resource(String name) {
        try (InputStream in = DashboardCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
