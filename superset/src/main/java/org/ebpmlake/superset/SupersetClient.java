package org.ebpmlake.superset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebpmlake.lake.ErrorCategory;
import org.ebpmlake.lake.LakeException;

/**
 * The few calls of Superset's REST API the lake needs, on {@code java.net.http} and Jackson: a JWT from
 * {@code POST /api/v1/security/login}, then a CSRF token from {@code /api/v1/security/csrf_token/}, which also sets
 * the session cookie every write must carry with it. Hand-written because no Superset client for Java is published on
 * Maven Central, and the code generated from Superset's OpenAPI document does not compile (see shared recipes).
 */
public final class SupersetClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 100;

    private final URI base;
    private final String user;
    private final String password;
    // HTTP/1.1: gunicorn speaks nothing else, and an upgrade offer only costs a round trip.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(5)).build();
    private Optional<String> token = Optional.empty();
    private Optional<String> csrfToken = Optional.empty();

    public SupersetClient(URI base, String user, String password) {
        this.base = requireNonNull(base, "base is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
    }

    /** An answer of Superset: its status and its JSON body (an empty object when there was none). */
    public record Answer(int status, JsonNode body) {
        public Answer {
            requireNonNull(body, "body is null");
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public String user() {
        return user;
    }

    public JsonNode get(String path) {
        return expect("GET", path, exchange("GET", path, Optional.empty()));
    }

    public Optional<JsonNode> getIfFound(String path) {
        Answer answer = exchange("GET", path, Optional.empty());
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect("GET", path, answer));
    }

    public JsonNode post(String path, JsonNode body) {
        return expect("POST", path, exchange("POST", path, Optional.of(body)));
    }

    public JsonNode put(String path, JsonNode body) {
        return expect("PUT", path, exchange("PUT", path, Optional.of(body)));
    }

    public void delete(String path) {
        expect("DELETE", path, exchange("DELETE", path, Optional.empty()));
    }

    /** A request whose refusal is an answer the caller looks at (a test of what a role may not do), not an error. */
    public Answer attempt(String method, String path, Optional<JsonNode> body) {
        return exchange(requireNonNull(method, "method is null"), path, requireNonNull(body, "body is null"));
    }

    /** Every object of a list endpoint ({@code /api/v1/chart/}), page by page. */
    public List<JsonNode> list(String path) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = get(path + "?q=(page:" + page + ",page_size:" + PAGE_SIZE + ")");
            answer.path("result").forEach(all::add);
            if (answer.path("result").size() < PAGE_SIZE) {
                return List.copyOf(all);
            }
        }
    }

    private JsonNode expect(String method, String path, Answer answer) {
        if (answer.status() == 404) {
            throw new LakeException(ErrorCategory.UNKNOWN_NAME, "Superset に見つかりません / Superset has no " + path);
        }
        if (!answer.ok()) {
            String body = answer.body().toString();
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Superset が " + method + " " + path + " に " + answer.status()
                    + " を返しました / Superset answered " + answer.status() + " to " + method + " " + path + ": "
                    + body.substring(0, Math.min(500, body.length())));
        }
        return answer.body();
    }

    /** One request with the JWT (and for writes the CSRF token), logging in again once if Superset says the token expired. */
    private Answer exchange(String method, String path, Optional<JsonNode> body) {
        Answer answer = request(method, path, body);
        if (answer.status() == 401) {
            token = Optional.empty();
            csrfToken = Optional.empty();
            answer = request(method, path, body);
        }
        return answer;
    }

    private Answer request(String method, String path, Optional<JsonNode> body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(180))
                .header("Accept", "application/json").header("Authorization", "Bearer " + bearer());
        if (!method.equals("GET")) {
            builder.header("X-CSRFToken", csrf()).header("Referer", base.toString());
        }
        if (body.isPresent()) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.get().toString()));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(builder.build());
    }

    private String bearer() {
        if (token.isEmpty()) {
            ObjectNode credentials = JSON.createObjectNode().put("username", user).put("password", password).put("provider", "db")
                    .put("refresh", false);
            Answer answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/security/login")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials.toString())).build());
            if (!answer.ok()) {
                throw new LakeException(ErrorCategory.ACCESS_DENIED, "Superset のログインに失敗しました（" + answer.status() + "）/ Superset refused"
                        + " the login of " + user + " (" + answer.status() + "): check its password file under var/secrets");
            }
            token = Optional.of(answer.body().path("access_token").asText());
        }
        return token.get();
    }

    /** The CSRF token of this client's session; fetching it sets the session cookie the writes carry. */
    private String csrf() {
        if (csrfToken.isEmpty()) {
            Answer answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/security/csrf_token/")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + bearer()).GET().build());
            if (!answer.ok()) {
                throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Superset gave no CSRF token (" + answer.status() + ")");
            }
            csrfToken = Optional.of(answer.body().path("result").asText());
        }
        return csrfToken.get();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json;
            try {
                json = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException notJson) {
                // An HTML error page (a proxy, a crash): kept as text so the message can show it.
                json = JSON.createObjectNode().put("text", text.substring(0, Math.min(500, text.length())));
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "Superset に接続できません（" + base + "）。./lake services up superset"
                    + " で起動してください / cannot reach Superset at " + base + ": start it with ./lake services up superset", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeException(ErrorCategory.SERVICE_UNAVAILABLE, "interrupted while calling Superset", e);
        }
    }
}
