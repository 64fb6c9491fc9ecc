package dev.followthrough.server.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.Followthrough;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.report.GroupBy;
import dev.followthrough.core.report.ReportFormat;
import dev.followthrough.core.store.ItemQuery;
import dev.followthrough.core.store.ItemRow;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The read-only dashboard's pages and JSON, without a server: each method reads the store once and
 * answers one request. Query parameters come in through {@code param} (a name to its value, or
 * {@code null}); {@code asOf} and {@code dueSoonDays} default as {@code followthrough report} does.
 * A bad parameter is a {@link BadRequestException} whose message names it. Thread-safe.
 */
public final class Dashboard {
  /** The Content-Security-Policy every page must be sent with: nothing inline, nothing from elsewhere. */
  public static final String CONTENT_SECURITY_POLICY = Html.CONTENT_SECURITY_POLICY;

  private final Followthrough followthrough;
  private final Clock clock;
  private final LintSettings lint;
  private final LongSupplier storeVersion;

  /** A response body and its HTTP status ({@code 200}, or {@code 404} for an unknown postmortem or item). */
  public record Page(int status, String html) {}

  /**
   * @param lint the configuration's {@code lint:} settings: its {@code lint.teams} group items into
   *     teams as {@code report} does (see {@link Teams})
   * @param storeVersion a number that changes whenever the store changes; each page carries it
   */
  public Dashboard(Followthrough followthrough, Clock clock, LintSettings lint, LongSupplier storeVersion) {
    this.followthrough = followthrough;
    this.clock = clock;
    this.lint = lint;
    this.storeVersion = storeVersion;
  }

  /** {@code /}: overdue by owner and by team, due soon, unowned, verification due, recurrences. */
  public Page overview(Function<String, String> param) {
    return new Page(200, OverviewPage.render(view(param)));
  }

  /** {@code /postmortems}: every postmortem's follow-through. */
  public Page postmortems(Function<String, String> param) {
    return new Page(200, PostmortemPages.index(view(param)));
  }

  /** {@code /postmortems/ID}: one postmortem's items, done on time, late, open, verified. */
  public Page postmortem(String postmortemId, Function<String, String> param) {
    DashboardView view = view(param);
    Postmortem p = view.byId.get(postmortemId);
    return p == null ? notFound(view, "No postmortem " + postmortemId + " in the store.")
        : new Page(200, PostmortemPages.one(view, p));
  }

  /** {@code /postmortems/ID/items/ITEM}: one item with its history and ticket link. */
  public Page item(String postmortemId, String itemId, Function<String, String> param) {
    DashboardView view = view(param);
    Postmortem p = view.byId.get(postmortemId);
    Optional<ActionItem> item = p == null ? Optional.empty()
        : p.actionItems().stream().filter(i -> i.id().equals(itemId)).findFirst();
    return item.isEmpty() ? notFound(view, "No action item " + postmortemId + "/" + itemId + " in the store.")
        : new Page(200, ItemPage.render(view, p, item.get()));
  }

  /** {@code /api/report}: exactly what {@code followthrough report --format json} prints for the same day. */
  public String reportJson(Function<String, String> param) {
    DashboardQuery q = DashboardQuery.parse(param, clock);
    return ReportFormat.JSON.render(followthrough.report(q.asOf(), q.dueSoonDays()), GroupBy.OWNER);
  }

  /**
   * {@code /api/items?owner=O&status=S,T&postmortem=ID}: what {@code followthrough list --format json}
   * prints with the same filters.
   */
  public String itemsJson(Function<String, String> param) {
    ItemQuery query = ItemQuery.all().withOwner(blankToNull(param.apply("owner")))
        .withStatuses(statuses(param.apply("status"))).withPostmortemId(blankToNull(param.apply("postmortem")));
    List<ItemRow> rows = followthrough.store().findItems(query);
    JsonFormat json = JsonFormat.json();
    ObjectNode root = json.object();
    root.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
    ArrayNode items = root.putArray("actionItems");
    rows.forEach(r -> items.add(json.itemTree(r.postmortemId(), r.item())));
    return json.write(root);
  }

  /** {@code /api/version}: {@code {"version": n}}, the number that changes with the store. */
  public String versionJson() {
    return "{\"version\":" + storeVersion.getAsLong() + "}\n";
  }

  private DashboardView view(Function<String, String> param) {
    DashboardQuery q = DashboardQuery.parse(param, clock);
    // The version is read before the store: a change while the page is made shows as a newer version.
    long version = storeVersion.getAsLong();
    return new DashboardView(q, version, followthrough.postmortems(), lint);
  }

  private static Page notFound(DashboardView view, String message) {
    return new Page(404, view.page("Followthrough: not found",
        "<h1>Not found</h1>\n<p id=\"not-found\">" + Html.esc(message) + "</p>\n"));
  }

  private static Set<ItemStatus> statuses(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Set<ItemStatus> statuses = EnumSet.noneOf(ItemStatus.class);
    for (String s : value.split(",")) {
      try {
        statuses.add(ItemStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("status: expected OPEN, IN_PROGRESS, BLOCKED, DONE or WONT_DO, got '" + s.strip() + "'");
      }
    }
    return statuses;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
