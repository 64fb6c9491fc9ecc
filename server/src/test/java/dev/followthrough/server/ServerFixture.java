package dev.followthrough.server;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TrackerProvider;
import dev.followthrough.core.tracker.WebhookReceiver;
import dev.followthrough.tck.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server on a free loopback port over an in-memory store and an in-memory tracker named
 * {@code jira}, taking deliveries through the Jira module's own receiver; two items are synced
 * first, so their tickets exist.
 */
final class ServerFixture implements AutoCloseable {
  static final String SECRET = "placeholder-webhook-secret-0123";
  static final String DOC = """
      # Queue backlog

      - Duration: 2025-05-01 10:00 to 2025-05-01 12:00 (UTC)

      ## Action items

      - [ ] Alert on queue age owner: @erin P1 due: 2025-05-10
      - [ ] Drain the backlog owner: @sam due: 2025-05-12
      """;

  final ActionStore store = ActionStore.inMemory();
  final InMemoryTracker tracker = InMemoryTracker.builder().type("jira").build();
  final Followthrough ft;
  final BlockingQueue<SyncQueue.Turn> turns = new LinkedBlockingQueue<>();
  final SyncQueue queue;
  final FollowthroughServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServerFixture(Path dir, Secret token, List<ServerRoutes> routes) throws IOException {
    ft = Followthrough.builder().store(store).tracker(tracker).build();
    ft.importDocument(Files.writeString(dir.resolve("pm.md"), DOC));
    SyncEngine engine = SyncEngine.builder(store, tracker).build();
    engine.sync();
    queue = SyncQueue.builder(new SyncQueue.Syncs() {
      @Override
      public dev.followthrough.core.sync.SyncResult syncTickets(Set<String> keys) {
        return engine.syncTickets(keys);
      }

      @Override
      public dev.followthrough.core.sync.SyncResult syncChanged() {
        return engine.sync();
      }
    }, store, "jira", Clock.systemUTC())
        .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .searchLag(Duration.ofMillis(50), Duration.ZERO)
        .listener(turns::add).build();
    server = FollowthroughServer.builder(ft).bind("127.0.0.1", 0).token(token).routes(routes)
        .webhooks(new WebhookIntake(jiraReceiver(), Secret.of(SECRET), store, Clock.systemUTC(), queue::offer))
        .webhooksOff("github", "webhooks for 'github' are not set up here")
        .queue(queue).maxBodyBytes(64 * 1024)
        .build().start();
  }

  static WebhookReceiver jiraReceiver() {
    var config = FollowthroughConfig.parse("tracker: {type: jira, url: 'https://acme.atlassian.net', project: OPS,"
        + " email: bot@example.com, token: placeholder}", "test.yaml", n -> null);
    return TrackerProvider.forType("jira").orElseThrow().webhooks(config.tracker()).orElseThrow();
  }

  WebhookSender jira() {
    return WebhookSender.jira(server.uri().resolve("/webhooks/jira"), SECRET);
  }

  String key(int index) {
    return tracker.tickets().get(index).key();
  }

  ActionItem item(String itemId) {
    return store.findAll().get(0).postmortem().actionItems().stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
  }

  SyncQueue.Turn nextTurn() throws InterruptedException {
    SyncQueue.Turn turn = turns.poll(20, TimeUnit.SECONDS);
    if (turn == null) {
      throw new AssertionError("the queue ran no sync within 20 s");
    }
    return turn;
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  URI uri() {
    return server.uri();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
