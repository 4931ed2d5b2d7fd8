package org.ebpmlake.airflow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/**
 * The few calls of Airflow's REST API v2 the lake needs, on {@code java.net.http} and Jackson: a token from
 * {@code POST /auth/token}, then DAGs (list, tasks, pause), runs (trigger, poll), task instances, a task's log and the
 * import errors of DAG files. Hand-written because no Airflow client for Java is published on Maven Central, and the
 * code generated from Airflow's OpenAPI document does not compile (see shared recipes).
 */
public final class AirflowClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String user;
    private final String password;
    // HTTP/1.1: an HTTP/2 upgrade offer on a request with a body makes Airflow's server (uvicorn) read an empty body.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Optional<String> token = Optional.empty();

    public AirflowClient(URI base, String user, String password) {
        this.base = requireNonNull(base, "base is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
    }

    /** A DAG as Airflow knows it. */
    public record Dag(String dagId, boolean paused, Optional<Instant> lastParsed, String file) {
        public Dag {
            requireNonNull(dagId, "dagId is null");
            requireNonNull(lastParsed, "lastParsed is null");
            requireNonNull(file, "file is null");
        }
    }

    /** A task of a DAG, with the tasks that run after it. */
    public record DagTask(String taskId, List<String> downstream, int retries, Optional<Duration> timeout, String triggerRule) {
        public DagTask {
            requireNonNull(taskId, "taskId is null");
            downstream = List.copyOf(requireNonNull(downstream, "downstream is null"));
            requireNonNull(timeout, "timeout is null");
            requireNonNull(triggerRule, "triggerRule is null");
        }
    }

    /** A run of a DAG; state is Airflow's ({@code queued}, {@code running}, {@code success}, {@code failed}). */
    public record DagRun(String dagId, String runId, String state, Optional<Instant> queuedAt, Optional<Instant> startedAt,
            Optional<Instant> endedAt) {
        public DagRun {
            requireNonNull(dagId, "dagId is null");
            requireNonNull(runId, "runId is null");
            requireNonNull(state, "state is null");
            requireNonNull(queuedAt, "queuedAt is null");
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(endedAt, "endedAt is null");
        }

        public boolean finished() {
            return state.equals("success") || state.equals("failed");
        }
    }

    /** One task of one run; tryNumber counts its attempts so far. */
    public record TaskInstance(String taskId, String state, int tryNumber, Optional<Instant> startedAt, Optional<Instant> endedAt) {
        public TaskInstance {
            requireNonNull(taskId, "taskId is null");
            requireNonNull(state, "state is null");
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(endedAt, "endedAt is null");
        }
    }

    /** A DAG file Airflow could not import, when it last tried, with Python's trace. */
    public record ImportError(String file, Optional<Instant> at, String trace) {
        public ImportError {
            requireNonNull(file, "file is null");
            requireNonNull(at, "at is null");
            requireNonNull(trace, "trace is null");
        }
    }

    /** Whether the API server answers and says the scheduler and the DAG processor are alive. */
    public boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v2/monitor/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode health = JSON.readTree(response.body());
            return "healthy".equals(health.path("scheduler").path("status").asText())
                    && "healthy".equals(health.path("dag_processor").path("status").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public List<Dag> dags() {
        List<Dag> dags = new ArrayList<>();
        for (JsonNode dag : get("/api/v2/dags?limit=100").path("dags")) {
            dags.add(dag(dag));
        }
        return List.copyOf(dags);
    }

    public Optional<Dag> dag(String dagId) {
        return getIfFound("/api/v2/dags/" + path(dagId)).map(AirflowClient::dag);
    }

    public List<DagTask> tasks(String dagId) {
        List<DagTask> tasks = new ArrayList<>();
        for (JsonNode task : get("/api/v2/dags/" + path(dagId) + "/tasks").path("tasks")) {
            List<String> downstream = new ArrayList<>();
            task.path("downstream_task_ids").forEach(id -> downstream.add(id.asText()));
            JsonNode timeout = task.path("execution_timeout");
            Optional<Duration> limit = timeout.isObject()
                    ? Optional.of(Duration.ofDays(timeout.path("days").asLong()).plusSeconds(timeout.path("seconds").asLong()))
                    : Optional.empty();
            tasks.add(new DagTask(task.path("task_id").asText(), downstream, task.path("retries").asInt(), limit,
                    task.path("trigger_rule").asText()));
        }
        return List.copyOf(tasks);
    }

    public void unpause(String dagId) {
        ObjectNode body = JSON.createObjectNode().put("is_paused", false);
        send("PATCH", "/api/v2/dags/" + path(dagId), body);
    }

    /** Starts a run now; Airflow 3 wants {@code logical_date} present, and null for a run that is not for a date. */
    public DagRun trigger(String dagId, String runId) {
        ObjectNode body = JSON.createObjectNode().put("dag_run_id", requireNonNull(runId, "runId is null")).putNull("logical_date");
        return run(send("POST", "/api/v2/dags/" + path(dagId) + "/dagRuns", body));
    }

    public DagRun run(String dagId, String runId) {
        return run(get("/api/v2/dags/" + path(dagId) + "/dagRuns/" + path(runId)));
    }

    public Optional<DagRun> findRun(String dagId, String runId) {
        return getIfFound("/api/v2/dags/" + path(dagId) + "/dagRuns/" + path(runId)).map(AirflowClient::run);
    }

    /** The latest runs of a DAG, newest first. */
    public List<DagRun> runs(String dagId, int limit) {
        List<DagRun> runs = new ArrayList<>();
        for (JsonNode run : get("/api/v2/dags/" + path(dagId) + "/dagRuns?order_by=-run_after&limit=" + limit).path("dag_runs")) {
            runs.add(run(run));
        }
        return List.copyOf(runs);
    }

    public List<TaskInstance> taskInstances(String dagId, String runId) {
        List<TaskInstance> instances = new ArrayList<>();
        for (JsonNode instance : get("/api/v2/dags/" + path(dagId) + "/dagRuns/" + path(runId) + "/taskInstances?limit=1000")
                .path("task_instances")) {
            instances.add(new TaskInstance(instance.path("task_id").asText(), instance.path("state").asText("none"),
                    instance.path("try_number").asInt(), instant(instance.path("start_date")), instant(instance.path("end_date"))));
        }
        return List.copyOf(instances);
    }

    /** The log of one attempt of a task, one line per event ({@code time level event}). */
    public String log(String dagId, String runId, String taskId, int tryNumber) {
        JsonNode log = get("/api/v2/dags/" + path(dagId) + "/dagRuns/" + path(runId) + "/taskInstances/" + path(taskId)
                + "/logs/" + tryNumber + "?full_content=true");
        StringBuilder text = new StringBuilder();
        for (JsonNode line : log.path("content")) {
            if (line.isTextual()) {
                text.append(line.asText()).append('\n');
                continue;
            }
            String timestamp = line.path("timestamp").asText("");
            String level = line.path("level").asText("");
            text.append(timestamp.isEmpty() ? "" : timestamp + " ").append(level.isEmpty() ? "" : level + " ")
                    .append(line.path("event").asText("")).append('\n');
        }
        return text.toString();
    }

    public List<ImportError> importErrors() {
        List<ImportError> errors = new ArrayList<>();
        for (JsonNode error : get("/api/v2/importErrors?limit=100").path("import_errors")) {
            errors.add(new ImportError(error.path("filename").asText(), instant(error.path("timestamp")), error.path("stack_trace").asText()));
        }
        return List.copyOf(errors);
    }

    private static Dag dag(JsonNode dag) {
        return new Dag(dag.path("dag_id").asText(), dag.path("is_paused").asBoolean(), instant(dag.path("last_parsed_time")),
                dag.path("fileloc").asText(""));
    }

    private static DagRun run(JsonNode run) {
        return new DagRun(run.path("dag_id").asText(), run.path("dag_run_id").asText(), run.path("state").asText("none"),
                instant(run.path("queued_at")), instant(run.path("start_date")), instant(run.path("end_date")));
    }

    private static Optional<Instant> instant(JsonNode value) {
        if (!value.isTextual() || value.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Instant.parse(value.asText()));
    }

    private static String path(String segment) {
        return URLEncoder.encode(requireNonNull(segment, "segment is null"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode get(String path) {
        return send("GET", path, null);
    }

    private Optional<JsonNode> getIfFound(String path) {
        HttpResponse<String> response = exchange("GET", path, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(path, response));
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() == 404) {
            throw new LakeException(ErrorCategory.UNKNOWN_NAME, "Airflow に見つかりません / Airflow has no " + path
                    + " (render and deploy the DAGs with ./lake airflow deploy)");
        }
        return parse(path, response);
    }

    private static JsonNode parse(String path, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Airflow が " + path + " に " + response.statusCode()
                    + " を返しました / Airflow answered " + response.statusCode() + " to " + path + ": "
                    + body.substring(0, Math.min(300, body.length())).replace('\n', ' '));
        }
        try {
            return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Airflow answered " + path + " with something that is not JSON", e);
        }
    }

    /** One request with the bearer token, fetching a new token once if Airflow says the old one expired. */
    private HttpResponse<String> exchange(String method, String path, JsonNode body) {
        HttpResponse<String> response = request(method, path, body, bearer());
        if (response.statusCode() == 401) {
            token = Optional.empty();
            response = request(method, path, body, bearer());
        }
        return response;
    }

    private String bearer() {
        if (token.isEmpty()) {
            ObjectNode credentials = JSON.createObjectNode().put("username", user).put("password", password);
            HttpResponse<String> response = request("POST", "/auth/token", credentials, "");
            if (response.statusCode() / 100 != 2) {
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Airflow のログインに失敗しました（" + response.statusCode()
                        + "）/ Airflow refused the login of " + user + " (" + response.statusCode() + "): check its passwords file");
            }
            token = Optional.of(parse("/auth/token", response).path("access_token").asText());
        }
        return token.get();
    }

    private HttpResponse<String> request(String method, String path, JsonNode body, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (!bearer.isEmpty()) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Airflow に接続できません（" + base + "）。./lake services up airflow"
                    + " で起動してください / cannot reach Airflow at " + base + ": start it with ./lake services up airflow", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "interrupted while calling Airflow", e);
        }
    }
}
