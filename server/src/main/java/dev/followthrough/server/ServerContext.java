package dev.followthrough.server;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.quality.LintSettings;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/**
 * What the server hands a {@link ServerRoutes} extension while it is being configured.
 */
public interface ServerContext {
  /**
   * Where routes are added. In Javalin 7 routes belong to the configuration
   * ({@code Javalin.create(config -> config.routes.get(...))}), so this is that object, valid only
   * during {@link ServerRoutes#register}: add {@code get(...)}, {@code sse(...)} and the like here.
   * Paths under {@code /webhooks/} and {@code /login} are the server's own.
   */
  RoutesConfig routes();

  /** The store (and trackers) the server works on; read from it, such as {@code report(asOf)}. */
  Followthrough followthrough();

  /** The server's clock: "today" for reports, the time in pages. */
  Clock clock();

  /**
   * A number that grows whenever the server has seen the store change: after each sync it ran
   * (from a webhook or its backstop schedule), and when a periodic look at the store finds a
   * postmortem added or updated by another process. Equal numbers mean nothing changed in between;
   * a page can send it as an ETag or an SSE event id.
   */
  long storeVersion();

  /**
   * Calls {@code listener} after each change that raises {@link #storeVersion()}, on a thread of the
   * server's own (never a request thread); it must return quickly and not throw. Use it to push a
   * server-sent event. Listeners stay until the server stops.
   */
  void onChange(Runnable listener);

  /**
   * The configuration's {@code lint:} settings, as {@code report} uses them: its {@code lint.teams}
   * tell pages which owners are teams and who is in each. {@link LintSettings#standard()} when the
   * server was given none.
   */
  default LintSettings lint() {
    return LintSettings.standard();
  }
}
