package dev.followthrough.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends github-api's requests through {@code java.net.http} with a timeout on every request (the
 * library's own connector sets none).
 *
 * <p>github-api resends a request after a socket error, which for a create can make a second
 * issue. For POSTs this connector reports such errors as {@link OutcomeUnknownException}, which the
 * library does not retry, so the adapter can look for the issue before it creates again.
 */
final class TimeoutConnector implements GitHubConnector {
  // Headers java.net.http sets itself and refuses to take from callers.
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private static final int CACHED_ANSWERS = 2_000;

  private final HttpClient http;
  private final Duration timeout;
  // GET answers by URL with their ETag: a repeated read sends If-None-Match, and GitHub's 304
  // answer does not count against the hourly rate limit.
  private final Map<String, Cached> cache = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > CACHED_ANSWERS;
        }
      });
  private final java.util.concurrent.atomic.AtomicInteger notModified = new java.util.concurrent.atomic.AtomicInteger();

  private record Cached(String etag, Map<String, List<String>> headers, byte[] body) {}

  TimeoutConnector(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** Reads answered 304 Not Modified from the ETag cache so far. */
  int notModifiedAnswers() {
    return notModified.get();
  }

  /** A request that may or may not have reached GitHub. */
  static final class OutcomeUnknownException extends IOException {
    private static final long serialVersionUID = 1L;

    OutcomeUnknownException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(request.url().toURI()).timeout(timeout);
    } catch (URISyntaxException e) {
      throw new IOException("bad URL " + request.url(), e);
    }
    for (Map.Entry<String, List<String>> h : request.allHeaders().entrySet()) {
      if (h.getKey() != null && !RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
        h.getValue().forEach(v -> builder.header(h.getKey(), v));
      }
    }
    byte[] body = request.hasBody() ? request.body().readAllBytes() : new byte[0];
    String method = request.method();
    String url = request.url().toString();
    Cached cached = method.equals("GET") ? cache.get(url) : null;
    if (cached != null) {
      builder.setHeader("If-None-Match", cached.etag());
    }
    builder.method(method, body.length == 0 && !method.equals("POST") && !method.equals("PATCH") && !method.equals("PUT")
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (SocketException | SocketTimeoutException | javax.net.ssl.SSLHandshakeException e) {
      if (method.equals("POST")) {
        throw new OutcomeUnknownException("connection failed during POST " + request.url().getPath() + ": " + e, e);
      }
      throw e;
    } catch (IOException e) {
      if (method.equals("POST") && !(e instanceof java.net.ConnectException)) {
        throw new OutcomeUnknownException("connection failed during POST " + request.url().getPath() + ": " + e, e);
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    }
    if (response.statusCode() == 429) {
      // github-api 1.330 passes a 429 to no handler; it is GitHub's secondary rate limit.
      String after = response.headers().firstValue("Retry-After").orElse("60").strip();
      throw new GitHubErrors.RateLimitedException(Duration.ofSeconds(after.matches("\\d+") ? Long.parseLong(after) : 60), true);
    }
    if (response.statusCode() == 304 && cached != null) {
      notModified.incrementAndGet();
      return new Response(request, 200, cached.headers(), cached.body());
    }
    var etag = response.headers().firstValue("ETag");
    // An answer cut short must not be cached: every later read would get it back through a 304.
    if (method.equals("GET") && response.statusCode() == 200 && etag.isPresent() && wholeJson(response.body())) {
      cache.put(url, new Cached(etag.get(), response.headers().map(), response.body()));
    }
    return new Response(request, response.statusCode(), response.headers().map(), response.body());
  }

  private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

  /** Whether a body is one complete JSON value, read with the streaming parser (no tree is built). */
  static boolean wholeJson(byte[] body) {
    try (com.fasterxml.jackson.core.JsonParser parser = isGzip(body)
        ? JSON.createParser(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(body))) : JSON.createParser(body)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isGzip(byte[] body) {
    return body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
  }

  private static final class Response extends GitHubConnectorResponse {
    private final byte[] body;

    Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
      super(request, status, headers);
      this.body = body;
    }

    @Override
    public InputStream bodyStream() throws IOException {
      // wrapStream undoes the gzip encoding github-api asks GitHub for.
      return wrapStream(new ByteArrayInputStream(body));
    }

    @Override
    public void close() {
      // The body is in memory.
    }
  }
}
