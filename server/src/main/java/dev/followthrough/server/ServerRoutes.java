package dev.followthrough.server;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Adds routes to {@code followthrough serve}, the way a module brings its pages (the dashboard)
 * without the server knowing it. Found through {@code ServiceLoader}: list the implementing class
 * in {@code META-INF/services/dev.followthrough.server.ServerRoutes}; it needs a public no-argument
 * constructor.
 *
 * <pre>{@code
 * public final class HelloRoutes implements ServerRoutes {
 *   public void register(ServerContext context) {
 *     context.routes().get("/hello", ctx -> ctx.result(context.followthrough().postmortems().size() + " postmortems"));
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #register} runs once, before the server listens. Routes added there sit behind the
 * same access check as the server's own (the {@code serve.token} when one is configured), and
 * their handlers run on the server's request threads, so they must be thread-safe and must not
 * take the store's run lock. They should only read: the webhook routes and the sync queue are the
 * server's only writers.
 */
public interface ServerRoutes {
  /** Adds this module's routes (and SSE streams) through {@link ServerContext#routes()}. */
  void register(ServerContext context);

  /** The extensions on the class path, in the order {@code ServiceLoader} finds them. */
  static List<ServerRoutes> installed() {
    return ServiceLoader.load(ServerRoutes.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
