package dev.followthrough.core;

import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.internal.ItemEdits;
import dev.followthrough.core.internal.Recurrences;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.recurrence.RecurrenceDetector;
import dev.followthrough.core.internal.VerificationRecording;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.policy.VerificationPolicy;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportBuilder;
import dev.followthrough.core.sync.SyncEngine;
import dev.followthrough.core.sync.SyncListener;
import dev.followthrough.core.sync.SyncOptions;
import dev.followthrough.core.sync.SyncPlan;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.sync.SyncScheduler;
import dev.followthrough.core.sync.Trigger;
import dev.followthrough.core.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The embedding API: import postmortems, sync their action items with a tracker, report what
 * is overdue.
 *
 * <pre>{@code
 * Followthrough ft = Followthrough.builder()
 *     .store(ActionStore.directory(Path.of(".followthrough")))
 *     .tracker(tracker)             // built by a tracker module, or found by its provider
 *     .build();
 * ft.importPath(Path.of("postmortems"));
 * SyncResult result = ft.sync(tracker.type());
 * OverdueReport overdue = ft.report(LocalDate.now());
 * }</pre>
 *
 * <p>Thread-safe as far as its store is; closing it closes the store.
 */
public final class Followthrough implements AutoCloseable {
  private final ActionStore store;
  private final Clock clock;
  private final DueDatePolicy policy;
  private final VerificationPolicy verification;
  private final RecurrenceDetector recurrence;
  private final PostmortemImporter importer;
  private final Map<String, Tracker> trackers;
  private final SyncOptions syncOptions;
  private final SyncListener syncListener;

  private Followthrough(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.policy = b.policy;
    this.verification = b.verification;
    this.recurrence = b.recurrence;
    this.importer = b.importer;
    this.trackers = Map.copyOf(b.trackers);
    this.syncOptions = b.syncOptions;
    this.syncListener = b.syncListener;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ActionStore store() {
    return store;
  }

  public DueDatePolicy policy() {
    return policy;
  }

  public VerificationPolicy verificationPolicy() {
    return verification;
  }

  public Clock clock() {
    return clock;
  }

  /** Reads one document as written, without storing it or applying the policy. */
  public ParseResult parse(Path file) {
    return importer.parse(file);
  }

  /** Imports a file, or every document below a directory, in name order, as one session. */
  public List<ImportResult> importPath(Path path) {
    return importSession().importPath(path);
  }

  /**
   * Imports one document: applies the due-date policy, then adds the postmortem or merges it into
   * the stored one (same ids, local state kept, dropped items flagged). For many documents, one
   * {@link #importSession()} reads the store once rather than once per new postmortem.
   */
  public ImportResult importDocument(Path file) {
    return importSession().importDocument(file);
  }

  /** Imports a document already parsed (for documents that do not come from files). */
  public ImportResult importParsed(ParseResult parsed) {
    return importSession().importParsed(parsed);
  }

  /** A run of imports that compares new postmortems with the stored ones read only once. */
  public ImportSession importSession() {
    return new ImportSession(store, policy, verification, clock, syncOptions.conflicts(), importer, recurrence);
  }

  /**
   * Confirms or dismisses that a postmortem repeats an earlier incident, as found on import; every
   * recorded one is in {@link #postmortems()}' {@code recurrenceOf} and in the report.
   *
   * @throws FollowthroughException when either postmortem is not stored; see {@link Corrections}
   */
  public Postmortem settleRecurrence(String postmortemId, String earlierId, Recurrence.Status status) {
    return Recurrences.settle(store, postmortemId, earlierId, status, null, clock.instant());
  }

  /**
   * Records whether a done item's fix worked, with evidence (a URL or text) and who says so. An
   * ineffective fix reopens the item, and with it its ticket at the next sync, or adds a follow-up
   * item, as the verification policy says.
   *
   * @return the item as stored afterwards
   * @throws FollowthroughException when no such item is stored or it is not awaiting verification
   */
  public ActionItem verify(String postmortemId, String itemId, Verification.State outcome, String evidence, String by) {
    Instant now = clock.instant();
    return store.modify(postmortemId, p -> VerificationRecording.record(p, itemId, outcome, evidence, by, now,
        verification, policy)).flatMap(saved -> saved.postmortem().item(itemId)).orElseThrow(() -> new FollowthroughException(
            "no postmortem " + postmortemId + " in " + store.describe() + "; 'followthrough list' shows the items"));
  }

  /**
   * Forgets an item's ticket links (for one tracker, or all with {@code null}), typically after its
   * ticket was deleted in the tracker: the next sync creates a new ticket. The change is recorded in
   * the item's history.
   *
   * @return the links that were removed
   * @throws FollowthroughException when no such item is stored, or a create for it is still
   *     pending: that create may yet reach the tracker, and only a sync may settle it
   */
  public List<TicketLink> unlink(String postmortemId, String itemId, String trackerType) {
    return ItemEdits.unlink(store, clock.instant(), postmortemId, itemId, trackerType);
  }

  /** Every stored postmortem, ordered by id. */
  public List<Postmortem> postmortems() {
    return store.findAll().stream().map(StoredPostmortem::postmortem).toList();
  }

  /** Stored action items that match {@code filter}, with their postmortems. */
  public List<ItemView> items(Predicate<ActionItem> filter) {
    return postmortems().stream()
        .flatMap(p -> p.actionItems().stream().filter(filter).map(item -> new ItemView(p, item))).toList();
  }

  /** The overdue report as of a day, with items due within seven days counted as due soon. */
  public OverdueReport report(LocalDate asOf) {
    return report(asOf, 7);
  }

  /** The overdue report, read as the store can answer it best ({@link ActionStore#reportData()}). */
  public OverdueReport report(LocalDate asOf, int dueSoonDays) {
    return new ReportBuilder(asOf, dueSoonDays).withLint(importer.lint()).build(store.reportData());
  }

  /** The registered trackers by type. */
  public Map<String, Tracker> trackers() {
    return trackers;
  }

  /** A sync engine for one registered tracker. */
  public SyncEngine syncEngine(String trackerType) {
    Tracker tracker = trackers.get(trackerType);
    if (tracker == null) {
      throw new FollowthroughException("no tracker of type '" + trackerType + "' is registered (registered: "
          + (trackers.isEmpty() ? "none" : String.join(", ", trackers.keySet())) + ")");
    }
    return SyncEngine.builder(store, tracker).clock(clock).options(syncOptions.withVerification(verification))
        .listener(syncListener).build();
  }

  /** What a sync with that tracker would do; changes nothing. */
  public SyncPlan plan(String trackerType) {
    return syncEngine(trackerType).plan();
  }

  /** Reconciles the store with that tracker. */
  public SyncResult sync(String trackerType) {
    return syncEngine(trackerType).sync();
  }

  /** A scheduler that syncs with that tracker on the trigger; call {@code start()} or {@code run()}. */
  public SyncScheduler scheduler(String trackerType, Trigger trigger) {
    syncEngine(trackerType);
    return SyncScheduler.builder(() -> syncEngine(trackerType), trigger).clock(clock).build();
  }

  /** An action item with the postmortem it belongs to. */
  public record ItemView(Postmortem postmortem, ActionItem item) {}

  @Override
  public void close() {
    store.close();
  }

  /** Builds a {@link Followthrough}; every setting has a default except the store's location. */
  public static final class Builder {
    private ActionStore store;
    private Clock clock = Clock.systemUTC();
    private DueDatePolicy policy = DueDatePolicy.standard();
    private VerificationPolicy verification = VerificationPolicy.standard();
    private RecurrenceDetector recurrence = RecurrenceDetector.standard();
    private PostmortemImporter importer = PostmortemImporter.create();
    private final Map<String, Tracker> trackers = new LinkedHashMap<>();
    private SyncOptions syncOptions = SyncOptions.defaults();
    private SyncListener syncListener = SyncListener.NONE;

    private Builder() {}

    /** Registers a tracker under its {@link Tracker#type()}; a second one of a type replaces the first. */
    public Builder tracker(Tracker tracker) {
      Objects.requireNonNull(tracker, "tracker");
      trackers.put(tracker.type(), tracker);
      return this;
    }

    public Builder syncOptions(SyncOptions options) {
      this.syncOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Observes every sync run (progress, metrics). */
    public Builder syncListener(SyncListener listener) {
      this.syncListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Where items are kept; defaults to an in-memory store. */
    public Builder store(ActionStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The clock for "today" and for history timestamps; tests pass a fixed one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder policy(DueDatePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** When done items' fixes must be verified, and what an ineffective fix does. */
    public Builder verification(VerificationPolicy verification) {
      this.verification = Objects.requireNonNull(verification, "verification");
      return this;
    }

    /** How a new postmortem is compared with earlier ones on import. */
    public Builder recurrence(RecurrenceDetector detector) {
      this.recurrence = Objects.requireNonNull(detector, "detector");
      return this;
    }

    public Builder importer(PostmortemImporter importer) {
      this.importer = Objects.requireNonNull(importer, "importer");
      return this;
    }

    public Followthrough build() {
      if (store == null) {
        store = ActionStore.inMemory();
      }
      return new Followthrough(this);
    }
  }
}
