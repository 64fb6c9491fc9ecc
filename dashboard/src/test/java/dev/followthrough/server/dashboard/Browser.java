package dev.followthrough.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol: a WebSocket (java.net.http) to the page
 * target, {@code Runtime.evaluate} to read what the page shows. Debian's {@code chromium}; tests
 * skip where it is missing. A fresh profile per browser, no network beyond the test's server.
 */
final class Browser implements AutoCloseable {
  private static final Duration STEP = Duration.ofSeconds(20);
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Process process;
  private final WebSocket socket;

  static Optional<Path> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  Browser(Path chrome, Path dir) throws Exception {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    List<String> command = new ArrayList<>(List.of(chrome.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "--window-size=1200,1400", "about:blank"));
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile())
        .start();
    try {
      int port = devToolsPort(profile.resolve("DevToolsActivePort"));
      socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
          .buildAsync(URI.create(pageSocket(port)), new Listener()).get(STEP.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /** Chromium writes the port it picked, once it listens, into its profile. */
  private int devToolsPort(Path file) throws Exception {
    long deadline = System.nanoTime() + STEP.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).strip());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited with " + process.exitValue());
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("chromium did not open its DevTools port in " + STEP);
  }

  private String pageSocket(int port) throws Exception {
    long deadline = System.nanoTime() + STEP.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      for (JsonNode target : mapper.readTree(list.body())) {
        if ("page".equals(target.path("type").asText())) {
          return target.get("webSocketDebuggerUrl").asText();
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("chromium opened no page");
  }

  /** Sends one DevTools command and waits for its answer. */
  JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = mapper.createObjectNode().put("id", id).put("method", method);
    message.set("params", mapper.valueToTree(params));
    socket.sendText(mapper.writeValueAsString(message), true).get(STEP.toSeconds(), TimeUnit.SECONDS);
    JsonNode result = answer.get(STEP.toSeconds(), TimeUnit.SECONDS);
    if (result.has("error")) {
      throw new IllegalStateException(method + ": " + result.get("error"));
    }
    return result.get("result");
  }

  /** The value of a JavaScript expression in the page (a promise is awaited). */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException(expression + ": " + r.get("exceptionDetails"));
    }
    return r.get("result").path("value");
  }

  /** Opens a page and waits until its script has run. */
  void open(String url) throws Exception {
    send("Page.navigate", Map.of("url", url));
    waitFor("document.readyState === 'complete' && document.body && document.body.dataset.ready === 'true'"
        + " && location.href === " + mapper.writeValueAsString(url));
  }

  /** Waits until the expression is true in the page, checking every 50 ms, for at most 20 s. */
  void waitFor(String expression) throws Exception {
    long deadline = System.nanoTime() + STEP.toNanos();
    while (System.nanoTime() < deadline) {
      if (eval("!!(" + expression + ")").asBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the page never showed: " + expression);
  }

  /** A PNG of the page as a person sees it. */
  byte[] screenshot() throws Exception {
    return java.util.Base64.getDecoder().decode(send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = mapper.readTree(text.toString());
          CompletableFuture<JsonNode> answer = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
          if (answer != null) {
            answer.complete(message);
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
