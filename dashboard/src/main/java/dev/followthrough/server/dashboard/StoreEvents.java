package dev.followthrough.server.dashboard;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The server-sent events of {@code /api/events}: each open page gets a {@code version} event with
 * the store version when it connects (a change between rendering the page and connecting is not
 * lost) and again after every change. The page compares it with the version it was rendered at.
 */
final class StoreEvents {
  private final LongSupplier version;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

  StoreEvents(LongSupplier version) {
    this.version = version;
  }

  void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    send(client, version.getAsLong());
  }

  /** Called on the server's change thread: tells every open page the new version. */
  void changed() {
    long now = version.getAsLong();
    for (SseClient client : clients) {
      if (client.terminated()) {
        clients.remove(client);
      } else {
        send(client, now);
      }
    }
  }

  int clients() {
    return clients.size();
  }

  private static void send(SseClient client, long version) {
    // One writer at a time per stream: the change thread and the connecting request thread may meet.
    synchronized (client) {
      try {
        client.sendEvent("version", Long.toString(version), Long.toString(version));
      } catch (RuntimeException e) {
        // A page that went away; its stream is closed and dropped at the next change.
        client.close();
      }
    }
  }
}
