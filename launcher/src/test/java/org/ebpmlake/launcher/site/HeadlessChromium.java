package org.ebpmlake.launcher.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol (a WebSocket on 127.0.0.1): it loads pages at a
 * given width, records every console error, uncaught exception and request, evaluates script and takes full-page
 * screenshots. Written on java.net.http rather than taken from Selenium: Selenium would need chromedriver and offers
 * network events only through devtools artifacts pinned to one Chromium version, while these few commands are stable.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    HeadlessChromium(Path chromium) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("ebpm-lake-chromium-");
        process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars", "--mute-audio",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("Chromium did not open its DevTools port; see " + profile.resolve("chromium.log"));
            }
            Thread.sleep(50);
        }
        String port = Files.readAllLines(portFile).get(0).strip();
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if ("page".equals(target.path("type").asText())) {
                page = target.path("webSocketDebuggerUrl").asText();
            }
        }
        if (page == null) {
            throw new IllegalStateException("Chromium has no page to drive: " + targets);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).join();
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
        send("Network.enable", Map.of());
    }

    /** What one page load showed: console errors and exceptions, and every URL the page requested. */
    record Load(List<String> errors, List<String> requests) {
    }

    /** Loads a page at a window width and waits until its script says every chart is drawn. */
    Load load(URI page, int width) throws IOException, InterruptedException {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 700));
        events.clear();
        send("Page.navigate", Map.of("url", page.toString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Boolean.TRUE.equals(evaluateBoolean("document.readyState === 'complete' && document.body"
                + " && document.body.getAttribute('data-ready') === 'true'"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(page + " did not finish drawing within 60 s; errors: " + load().errors());
            }
            Thread.sleep(50);
        }
        return load();
    }

    private Load load() {
        List<String> errors = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (JsonNode event : events) {
            String method = event.path("method").asText();
            JsonNode params = event.path("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    if ("error".equals(params.path("type").asText()) || "assert".equals(params.path("type").asText())) {
                        errors.add("console." + params.path("type").asText() + ": " + params.path("args").toString());
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails").toString());
                case "Log.entryAdded" -> {
                    if ("error".equals(params.path("entry").path("level").asText())) {
                        errors.add("log: " + params.path("entry").path("text").asText() + " " + params.path("entry").path("url").asText());
                    }
                }
                case "Network.requestWillBeSent" -> requests.add(params.path("request").path("url").asText());
                default -> {
                    // Other events say nothing the tests check.
                }
            }
        }
        return new Load(errors, requests);
    }

    /** The value of a script expression (JSON-serialisable) in the loaded page. */
    JsonNode evaluate(String expression) throws IOException, InterruptedException {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    private Boolean evaluateBoolean(String expression) throws IOException, InterruptedException {
        JsonNode value = evaluate(expression);
        return value.isBoolean() && value.asBoolean();
    }

    /** A PNG of the whole page (up to 9,000 pixels tall) as it is laid out now. */
    void screenshot(Path file) throws IOException, InterruptedException {
        JsonNode metrics = send("Page.getLayoutMetrics", Map.of());
        double width = metrics.path("cssContentSize").path("width").asDouble();
        double height = Math.min(9000, metrics.path("cssContentSize").path("height").asDouble());
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode send(String method, Map<String, Object> params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
        try {
            JsonNode response = answer.get(60, TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IllegalStateException(method + " failed: " + response.path("error"));
            }
            return response.path("result");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer from Chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Collects the protocol's messages: answers complete their request, everything else is an event. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(message.toString());
                    if (node.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.get(node.get("id").asInt());
                        if (answer != null) {
                            answer.complete(node);
                        }
                    } else {
                        events.add(node);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Chromium sent a message that is not JSON", e);
                } finally {
                    message.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
