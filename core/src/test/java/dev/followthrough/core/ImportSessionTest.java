package dev.followthrough.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSessionTest {
  @TempDir Path dir;

  @Test
  void aSessionReadsTheStoreOnceAndComparesLaterDocumentsWithTheOnesItAdded() throws IOException {
    CountingStore store = new CountingStore();
    Followthrough ft = Followthrough.builder().store(store).build();
    write("2025-01-14-orders-deadlock.md", "Orders API errors from database deadlocks", "2025-01-14",
        "Lock contention on inventory rows ended in deadlocks: the orders API and the reservation job updated "
            + "the same rows in opposite order.", "Lock inventory rows in SKU order everywhere");
    write("2025-03-02-partner-certificate.md", "Expired certificate on the partner API", "2025-03-02",
        "The partner API listener used a certificate uploaded by hand that expired.",
        "Alert 21 days before any certificate expires");
    write("2025-06-09-ledger-stall.md", "Ledger postings stalled by deadlocks", "2025-06-09",
        "Two transactions were waiting on each other; the database reported a deadlock and aborted one of them.",
        "Take account, then ledger locks in every writer");

    List<ImportResult> results = ft.importSession().importPath(dir);

    assertThat(results).hasSize(3).allMatch(ImportResult::created);
    assertThat(store.findAllCalls.get()).as("stored postmortems read once for the whole session").isEqualTo(1);
    Postmortem ledger = store.find(results.get(2).postmortemId()).orElseThrow().postmortem();
    assertThat(ledger.recurrenceOf()).extracting(Recurrence::postmortemId).containsExactly(results.get(0).postmortemId());
    assertThat(store.find(results.get(1).postmortemId()).orElseThrow().postmortem().recurrenceOf()).isEmpty();
  }

  @Test
  void aSessionFindsWhatImportingEachDocumentAloneFinds() throws IOException {
    write("2025-01-14-orders-deadlock.md", "Orders API errors from database deadlocks", "2025-01-14",
        "Deadlocks between the orders API and the reservation job on inventory rows.", "Lock rows in SKU order");
    write("2025-06-09-ledger-stall.md", "Ledger postings stalled by deadlocks", "2025-06-09",
        "The poster and the settlement job deadlocked on the account and ledger rows.", "Lock account rows first");
    ActionStore alone = ActionStore.inMemory();
    Followthrough one = Followthrough.builder().store(alone).build();
    try (var files = Files.list(dir)) {
      files.sorted().forEach(one::importDocument);
    }
    ActionStore batched = ActionStore.inMemory();
    Followthrough.builder().store(batched).build().importSession().importPath(dir);

    assertThat(batched.findAll()).map(StoredPostmortem::postmortem).map(Postmortem::recurrenceOf)
        .isEqualTo(alone.findAll().stream().map(StoredPostmortem::postmortem).map(Postmortem::recurrenceOf).toList())
        .anyMatch(found -> !found.isEmpty());
  }

  @Test
  void anIncidentImportedAfterALaterOneIsRecordedOnTheLaterOne() throws IOException {
    // Name order brings the June incident first: when it was imported, January's was not stored yet.
    write("a-ledger-stall.md", "Ledger postings stalled by deadlocks", "2025-06-09",
        "Two transactions were waiting on each other; the database reported a deadlock and aborted one of them.",
        "Take account, then ledger locks in every writer");
    write("b-orders-deadlock.md", "Orders API errors from database deadlocks", "2025-01-14",
        "Lock contention on inventory rows ended in deadlocks: the orders API and the reservation job updated "
            + "the same rows in opposite order.", "Lock inventory rows in SKU order everywhere");
    write("c-partner-certificate.md", "Expired certificate on the partner API", "2024-03-02",
        "The partner API listener used a certificate uploaded by hand that expired.",
        "Alert 21 days before any certificate expires");
    ActionStore store = ActionStore.inMemory();

    List<ImportResult> results = Followthrough.builder().store(store).build().importSession().importPath(dir);

    Postmortem ledger = store.find(results.get(0).postmortemId()).orElseThrow().postmortem();
    assertThat(ledger.recurrenceOf()).extracting(Recurrence::postmortemId).containsExactly(results.get(1).postmortemId());
    assertThat(ledger.recurrenceOf().get(0).status()).isEqualTo(Recurrence.Status.SUSPECTED);
    assertThat(ledger.recurrenceOf().get(0).earlierItems().open()).isEqualTo(1);
    assertThat(store.find(results.get(1).postmortemId()).orElseThrow().postmortem().recurrenceOf()).isEmpty();
  }

  @Test
  void aRecurrenceAlreadyRecordedOnTheLaterIncidentKeepsItsStatus() throws IOException {
    write("2025-01-14-orders-deadlock.md", "Orders API errors from database deadlocks", "2025-01-14",
        "Deadlocks between the orders API and the reservation job on inventory rows.", "Lock rows in SKU order");
    write("2025-06-09-ledger-stall.md", "Ledger postings stalled by deadlocks", "2025-06-09",
        "The poster and the settlement job deadlocked on the account and ledger rows.", "Lock account rows first");
    ActionStore store = ActionStore.inMemory();
    Followthrough ft = Followthrough.builder().store(store).build();
    String ordersId = ft.parse(dir.resolve("2025-01-14-orders-deadlock.md")).postmortem().id();
    Postmortem ledger = ft.parse(dir.resolve("2025-06-09-ledger-stall.md")).postmortem();
    store.insert(ledger.withRecurrenceOf(List.of(
        new Recurrence(ordersId, 0.5, Recurrence.Status.DISMISSED, List.of("deadlock"), null))));

    ft.importSession().importDocument(dir.resolve("2025-01-14-orders-deadlock.md"));

    assertThat(store.find(ledger.id()).orElseThrow().postmortem().recurrenceOf())
        .extracting(Recurrence::status).containsExactly(Recurrence.Status.DISMISSED);
  }

  @Test
  void theSharedDeadlockPostmortemsAreLinkedWhateverTheirImportOrder() {
    Path shared = Path.of("../../shared/postmortems");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "no ../shared beside the checkout");
    ActionStore store = ActionStore.inMemory();
    Followthrough ft = Followthrough.builder().store(store).build();
    java.util.Map<String, String> idByFile = new java.util.HashMap<>();
    for (String file : List.of("000_13300e785bcd5981.txt", "001_891e30f8d4666593.txt", "003_a8c871e9a7669c1e.txt")) {
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared.resolve(file)), file);
      idByFile.put(file, ft.importSession().importDocument(shared.resolve(file)).postmortemId());
    }
    // 000 (August 2023) and 001 (March 2023): both deadlocks from concurrent writes.
    assertThat(store.find(idByFile.get("000_13300e785bcd5981.txt")).orElseThrow().postmortem().recurrenceOf())
        .extracting(Recurrence::postmortemId).containsExactly(idByFile.get("001_891e30f8d4666593.txt"));
    // 003 is a replication misconfiguration: linked to neither.
    assertThat(store.findAll()).map(StoredPostmortem::postmortem).flatMap(Postmortem::recurrenceOf)
        .extracting(Recurrence::postmortemId).doesNotContain(idByFile.get("003_a8c871e9a7669c1e.txt"));
    assertThat(store.find(idByFile.get("003_a8c871e9a7669c1e.txt")).orElseThrow().postmortem().recurrenceOf()).isEmpty();
  }

  @Test
  void reimportingKnownDocumentsDoesNotReadEveryPostmortem() throws IOException {
    write("2025-01-14-orders-deadlock.md", "Orders API errors from database deadlocks", "2025-01-14",
        "Deadlocks on inventory rows.", "Lock rows in SKU order");
    CountingStore store = new CountingStore();
    Followthrough ft = Followthrough.builder().store(store).build();
    ft.importPath(dir);
    store.findAllCalls.set(0);

    ft.importSession().importPath(dir);

    assertThat(store.findAllCalls.get()).isZero();
  }

  private void write(String name, String title, String date, String cause, String action) throws IOException {
    Files.writeString(dir.resolve(name), "# Postmortem: " + title + "\n\n**Incident date:** " + date
        + "\n\n## Summary\n\n" + title + ".\n\n## Root cause\n\n" + cause + "\n\n## Action items\n\n- [ ] " + action
        + "\n");
  }

  /** The in-memory store, counting how often every postmortem is read. */
  static final class CountingStore implements ActionStore {
    final ActionStore inner = ActionStore.inMemory();
    final AtomicInteger findAllCalls = new AtomicInteger();

    @Override
    public Optional<StoredPostmortem> find(String postmortemId) {
      return inner.find(postmortemId);
    }

    @Override
    public List<StoredPostmortem> findAll() {
      findAllCalls.incrementAndGet();
      return inner.findAll();
    }

    @Override
    public StoredPostmortem insert(Postmortem postmortem) {
      return inner.insert(postmortem);
    }

    @Override
    public StoredPostmortem update(Postmortem postmortem, long expectedVersion) {
      return inner.update(postmortem, expectedVersion);
    }

    @Override
    public Optional<RunLock> tryLockRun() {
      return inner.tryLockRun();
    }

    @Override
    public String describe() {
      return "counting " + inner.describe();
    }
  }
}
