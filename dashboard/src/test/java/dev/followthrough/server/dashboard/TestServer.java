package dev.followthrough.server.dashboard;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.server.ServerContext;
import dev.followthrough.server.ServerRoutes;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Javalin server on 127.0.0.1 and a free port with only the given routes, and a store version a
 * test raises by hand ({@link #changed()}), telling listeners on a thread of its own as the real
 * server does. {@code serve}'s own server is tested in its module and the CLI.
 */
final class TestServer implements AutoCloseable {
  private final AtomicLong version = new AtomicLong(1);
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService changes = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "test-store-changes");
    t.setDaemon(true);
    return t;
  });
  private final Javalin app;

  TestServer(Followthrough followthrough, Clock clock, ServerRoutes... extensions) {
    this(followthrough, clock, LintSettings.standard(), extensions);
  }

  /** A server whose context hands out {@code lint}, as {@code serve} hands out the configuration's. */
  TestServer(Followthrough followthrough, Clock clock, LintSettings lint, ServerRoutes... extensions) {
    app = Javalin.create(config -> {
      RoutesConfig routes = config.routes;
      ServerContext context = new ServerContext() {
        @Override
        public RoutesConfig routes() {
          return routes;
        }

        @Override
        public Followthrough followthrough() {
          return followthrough;
        }

        @Override
        public Clock clock() {
          return clock;
        }

        @Override
        public long storeVersion() {
          return version.get();
        }

        @Override
        public void onChange(Runnable listener) {
          listeners.add(listener);
        }

        @Override
        public LintSettings lint() {
          return lint;
        }
      };
      for (ServerRoutes r : extensions) {
        r.register(context);
      }
    });
    app.start("127.0.0.1", 0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  long version() {
    return version.get();
  }

  /** The store changed: raise the version and tell the listeners, off the calling thread. */
  void changed() throws Exception {
    version.incrementAndGet();
    changes.submit(() -> listeners.forEach(Runnable::run)).get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    app.stop();
    changes.shutdownNow();
  }
}
