package dev.followthrough.server;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.quality.LintSettings;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP server of {@code followthrough serve}, on Javalin (Jetty 12): {@code POST /webhooks/TRACKER}
 * for each configured tracker's deliveries, {@code /login} when a token is set, and the routes of
 * every {@link ServerRoutes} extension. The sync work webhooks prompt runs on the {@link SyncQueue}'s
 * worker, never on a request thread, so a delivery is answered at once.
 *
 * <pre>{@code
 * FollowthroughServer server = FollowthroughServer.builder(followthrough)
 *     .bind("127.0.0.1", 8080)
 *     .webhooks(new WebhookIntake(receiver, secret, store, clock, queue::offer))
 *     .queue(queue)
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p>A bind to any address but a loopback one needs a token: {@link Builder#build()} refuses
 * otherwise. Thread-safe; {@link #close()} stops listening, then lets the queue's running sync finish.
 */
public final class FollowthroughServer implements AutoCloseable {
  /** GitHub caps a delivery at 25 MB; Jira's are far smaller. Larger bodies are answered 413. */
  public static final int DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;

  private final Builder b;
  private final AccessGuard guard;
  private final StoreWatch watch;
  private Javalin app;

  private FollowthroughServer(Builder b) {
    this.b = b;
    this.guard = new AccessGuard(b.token, b.clock);
    this.watch = new StoreWatch(b.followthrough.store(), b.storePoll);
  }

  public static Builder builder(Followthrough followthrough) {
    return new Builder(followthrough);
  }

  /** Starts listening and starts the queue's worker; returns once the port is bound. */
  public synchronized FollowthroughServer start() {
    if (app != null) {
      throw new IllegalStateException("already started");
    }
    WebhookEndpoint webhooks = new WebhookEndpoint(b.intakes, b.notConfigured, b.maxBodyBytes);
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = b.maxBodyBytes;
      config.jetty.host = b.host;
      config.jetty.port = b.port;
      RoutesConfig routes = config.routes;
      routes.before(ctx -> {
        if (!guard.allows(ctx)) {
          refuse(ctx);
        }
      });
      routes.post("/webhooks/{tracker}", webhooks::handle);
      if (guard.required()) {
        routes.get("/login", ctx -> ctx.html(LoginPage.FORM));
        routes.post("/login", this::login);
      }
      ServerContext context = context(routes);
      for (ServerRoutes extension : b.extensions) {
        extension.register(context);
      }
    });
    app.start();
    if (b.queue != null) {
      b.queue.start();
    }
    return this;
  }

  private static void refuse(Context ctx) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"followthrough\"");
    ctx.status(401).contentType("text/plain; charset=utf-8")
        .result("sign in: send 'Authorization: Bearer <serve.token>', or POST the token to /login\n");
    ctx.skipRemainingHandlers();
  }

  private void login(Context ctx) {
    String presented = ctx.formParam("token");
    if (presented == null || !guard.matches(presented)) {
      ctx.status(401).contentType("text/plain; charset=utf-8").result("wrong token\n");
      return;
    }
    ctx.header("Set-Cookie", guard.sessionCookie());
    ctx.header("Location", "/");
    ctx.status(303);
  }

  private ServerContext context(RoutesConfig routes) {
    return new ServerContext() {
      @Override
      public RoutesConfig routes() {
        return routes;
      }

      @Override
      public Followthrough followthrough() {
        return b.followthrough;
      }

      @Override
      public Clock clock() {
        return b.clock;
      }

      @Override
      public long storeVersion() {
        return watch.version();
      }

      @Override
      public void onChange(Runnable listener) {
        watch.onChange(listener);
      }

      @Override
      public LintSettings lint() {
        return b.lint;
      }
    };
  }

  /** Looks at the store now, as after each sync of the server's own; raises the store version when it changed. */
  public void storeMayHaveChanged() {
    watch.check();
  }

  /** The port listened on: the one chosen by the system when 0 was asked for. */
  public synchronized int port() {
    if (app == null) {
      throw new IllegalStateException("not started");
    }
    return app.port();
  }

  /** {@code http://HOST:PORT}, as {@code serve} prints it. */
  public URI uri() {
    String host = b.host.contains(":") ? "[" + b.host + "]" : b.host;
    return URI.create("http://" + host + ":" + port());
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
    }
    if (b.queue != null) {
      b.queue.close();
    }
    watch.close();
  }

  /** Whether a host name or address is a loopback one, where no token is needed. */
  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Builds a {@link FollowthroughServer}. */
  public static final class Builder {
    private final Followthrough followthrough;
    private Clock clock = Clock.systemUTC();
    private String host = "127.0.0.1";
    private int port = 8080;
    private Secret token;
    private final Map<String, WebhookIntake> intakes = new LinkedHashMap<>();
    private final Map<String, String> notConfigured = new LinkedHashMap<>();
    private SyncQueue queue;
    private List<ServerRoutes> extensions;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration storePoll = Duration.ofSeconds(5);
    private LintSettings lint = LintSettings.standard();

    private Builder(Followthrough followthrough) {
      this.followthrough = Objects.requireNonNull(followthrough, "followthrough");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The address and port to listen on (127.0.0.1:8080); port 0 lets the system choose. */
    public Builder bind(String host, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535");
      }
      this.host = Objects.requireNonNull(host, "host");
      this.port = port;
      return this;
    }

    /** The {@code serve.token} every route but the webhooks asks for; {@code null} for none. */
    public Builder token(Secret token) {
      this.token = token;
      return this;
    }

    /** Takes deliveries at {@code POST /webhooks/SEGMENT} for each intake's segment. */
    public Builder webhooks(WebhookIntake intake) {
      intakes.put(intake.pathSegment(), intake);
      return this;
    }

    /** A tracker whose webhooks are not set up: its route answers 404 with this reason. */
    public Builder webhooksOff(String segment, String reason) {
      notConfigured.put(segment, reason);
      return this;
    }

    /** The queue the intakes feed; started with the server and stopped with it. */
    public Builder queue(SyncQueue queue) {
      this.queue = queue;
      return this;
    }

    /** The extensions to register (default: {@link ServerRoutes#installed()}). */
    public Builder routes(List<ServerRoutes> extensions) {
      this.extensions = List.copyOf(extensions);
      return this;
    }

    public Builder maxBodyBytes(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      this.maxBodyBytes = max;
      return this;
    }

    /** How often the store is looked at for other processes' changes while a page listens (5 s); zero for never. */
    public Builder storePoll(Duration every) {
      this.storePoll = Objects.requireNonNull(every, "every");
      return this;
    }

    /** The configuration's {@code lint:} settings, handed to extensions ({@link ServerContext#lint()}). */
    public Builder lint(LintSettings settings) {
      this.lint = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** @throws IllegalStateException when the bind is not a loopback address and no token is set */
    public FollowthroughServer build() {
      if (token == null && !isLoopback(host)) {
        throw new IllegalStateException("listening on " + host + " needs serve.token: without it, only a loopback address");
      }
      if (extensions == null) {
        extensions = new ArrayList<>(ServerRoutes.installed());
      }
      return new FollowthroughServer(this);
    }
  }
}
