package org.ebpmlake.cluster;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Spark standalone Master reports on its web UI's {@code /json/}: how many Workers are alive, and the
 * applications and drivers it ran or runs with their states.
 */
public record MasterState(int aliveWorkers, List<Application> applications, List<Driver> drivers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public MasterState {
        applications = List.copyOf(requireNonNull(applications, "applications is null"));
        drivers = List.copyOf(requireNonNull(drivers, "drivers is null"));
    }

    /** An application (one SparkContext): its id, name and state (RUNNING, FINISHED, KILLED, ...). */
    public record Application(String id, String name, String state, int cores) {
        public Application {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(state, "state is null");
        }
    }

    /** A driver submitted in cluster deploy mode, the Worker it ran on, and its state. */
    public record Driver(String id, DriverState state, String worker) {
        public Driver {
            requireNonNull(id, "id is null");
            requireNonNull(state, "state is null");
            requireNonNull(worker, "worker is null");
        }
    }

    static MasterState parse(String json) {
        requireNonNull(json, "json is null");
        try {
            JsonNode root = JSON.readTree(json);
            List<Application> applications = new ArrayList<>();
            for (String field : List.of("activeapps", "completedapps")) {
                for (JsonNode application : root.path(field)) {
                    applications.add(new Application(application.path("id").asText(), application.path("name").asText(),
                            application.path("state").asText(), application.path("cores").asInt()));
                }
            }
            List<Driver> drivers = new ArrayList<>();
            for (String field : List.of("activedrivers", "completeddrivers")) {
                for (JsonNode driver : root.path(field)) {
                    drivers.add(new Driver(driver.path("id").asText(), DriverState.valueOf(driver.path("state").asText()),
                            driver.path("worker").asText()));
                }
            }
            return new MasterState(root.path("aliveworkers").asInt(), applications, drivers);
        } catch (IOException e) {
            throw new UncheckedIOException("the Spark Master's state is not the JSON expected", e);
        }
    }

    public Optional<Driver> driver(String id) {
        return drivers.stream().filter(driver -> driver.id().equals(id)).findFirst();
    }
}
