package dev.followthrough.server.dashboard;

import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.server.ServerContext;
import dev.followthrough.server.ServerRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * Puts the read-only dashboard on {@code followthrough serve}: the pages, their stylesheet and
 * script, {@code /api/report}, {@code /api/items}, {@code /api/version} and the server-sent events
 * of {@code /api/events}. Every answer is sent with a strict Content-Security-Policy and is never
 * cached; a bad query parameter is a 400 that names it. Only reads the store.
 */
public final class DashboardRoutes implements ServerRoutes {
  private final LintSettings lint;

  /** The dashboard as {@code serve} finds it: teams by the server's {@link ServerContext#lint()}. */
  public DashboardRoutes() {
    this(null);
  }

  /** @param lint the {@code lint:} settings to group teams by; {@code null} for the server's own */
  public DashboardRoutes(LintSettings lint) {
    this.lint = lint;
  }

  @Override
  public void register(ServerContext context) {
    Dashboard dashboard = new Dashboard(context.followthrough(), context.clock(),
        lint == null ? context.lint() : lint, context::storeVersion);
    StoreEvents events = new StoreEvents(context::storeVersion);
    context.onChange(events::changed);
    RoutesConfig routes = context.routes();
    routes.get("/", ctx -> page(ctx, () -> dashboard.overview(params(ctx))));
    routes.get("/postmortems", ctx -> page(ctx, () -> dashboard.postmortems(params(ctx))));
    routes.get("/postmortems/{id}", ctx -> page(ctx, () -> dashboard.postmortem(ctx.pathParam("id"), params(ctx))));
    routes.get("/postmortems/{id}/items/{item}",
        ctx -> page(ctx, () -> dashboard.item(ctx.pathParam("id"), ctx.pathParam("item"), params(ctx))));
    routes.get("/assets/{name}", ctx -> {
      var asset = Assets.named(ctx.pathParam("name"));
      secure(ctx);
      if (asset.isEmpty()) {
        ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset\n");
      } else {
        ctx.contentType(asset.get().contentType()).result(asset.get().body());
      }
    });
    routes.get("/api/report", ctx -> json(ctx, () -> dashboard.reportJson(params(ctx))));
    routes.get("/api/items", ctx -> json(ctx, () -> dashboard.itemsJson(params(ctx))));
    routes.get("/api/version", ctx -> json(ctx, dashboard::versionJson));
    routes.sse("/api/events", events::connect);
  }

  private static Function<String, String> params(Context ctx) {
    return ctx::queryParam;
  }

  /** Headers every dashboard answer carries: nothing inline or from elsewhere runs, nothing is cached or framed. */
  static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", Dashboard.CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
  }

  private static void page(Context ctx, java.util.function.Supplier<Dashboard.Page> render) {
    secure(ctx);
    Dashboard.Page page;
    try {
      page = render.get();
    } catch (BadRequestException e) {
      ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n");
      return;
    }
    ctx.status(page.status()).contentType("text/html; charset=utf-8").result(page.html());
  }

  private static void json(Context ctx, java.util.function.Supplier<String> body) {
    secure(ctx);
    String text;
    try {
      text = body.get();
    } catch (BadRequestException e) {
      ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n");
      return;
    }
    ctx.contentType("application/json; charset=utf-8").result(text);
  }
}
