package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.SyncState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every store must do with the per-tracker sync state (watermark and last full
 * reconciliation) that makes incremental re-sync possible; part of {@link StoreContractKit}.
 * Instants are kept to the millisecond at least.
 */
public interface SyncStateContract {

  /** The store under test. */
  ActionStore storeUnderTest();

  /** A second handle on the same store, as another process would open it. */
  ActionStore secondHandle() throws Exception;

  @Test
  default void aTrackerWithoutSavedStateHasNone() {
    assertThat(storeUnderTest().syncState("jira:https://a.example.com/OPS")).isEmpty();
  }

  @Test
  default void syncStateIsKeptPerTrackerAndReplacedWhole() throws Exception {
    ActionStore store = storeUnderTest();
    SyncState first = new SyncState(Instant.parse("2025-06-01T10:00:00.123Z"), Instant.parse("2025-06-01T09:00:00Z"));
    SyncState other = new SyncState(Instant.parse("2024-01-01T00:00:00.001Z"), Instant.parse("2024-01-01T00:00:00Z"));
    SyncState later = new SyncState(Instant.parse("2025-06-02T08:30:15.999Z"), Instant.parse("2025-06-01T09:00:00Z"));
    store.saveSyncState("jira:https://a.example.com/OPS", first);
    store.saveSyncState("github:https://api.github.com/acme/ops", other);
    assertThat(store.syncState("jira:https://a.example.com/OPS")).contains(first);
    store.saveSyncState("jira:https://a.example.com/OPS", later);
    try (ActionStore again = secondHandle()) {
      assertThat(again.syncState("jira:https://a.example.com/OPS")).contains(later);
      assertThat(again.syncState("github:https://api.github.com/acme/ops")).contains(other);
      assertThat(again.syncState("jira:https://a.example.com/OTHER")).isEmpty();
    }
  }

  @Test
  default void syncStateLeavesThePostmortemsAlone() {
    ActionStore store = storeUnderTest();
    store.insert(StoreContractKit.postmortem("p1", "Fix it"));
    store.saveSyncState("memory:memory", new SyncState(Instant.parse("2025-06-01T10:00:00Z"), Instant.parse("2025-06-01T10:00:00Z")));
    assertThat(store.findAll()).hasSize(1);
    assertThat(store.find("p1").orElseThrow().version()).isEqualTo(1);
  }
}
