package dev.followthrough.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The default {@link ActionStore#modify}, which stores without a modify of their own inherit: a
 * change that lost the race to another writer is applied again on top of the newer version.
 */
class ModifyRetriesTest {
  /** A store whose next updates lose to another writer, who adds an item each time. */
  static final class ContendedStore implements ActionStore {
    final ActionStore inner = ActionStore.inMemory();
    final AtomicInteger losses = new AtomicInteger();

    @Override
    public StoredPostmortem update(Postmortem postmortem, long expectedVersion) {
      if (losses.getAndDecrement() > 0) {
        Postmortem current = inner.find(postmortem.id()).orElseThrow().postmortem();
        String id = "other-" + losses.get();
        StoredPostmortem theirs = inner.update(current.withActionItems(append(current, id)),
            inner.find(postmortem.id()).orElseThrow().version());
        throw new StaleVersionException(postmortem.id(), expectedVersion, theirs.version());
      }
      return inner.update(postmortem, expectedVersion);
    }

    @Override
    public Optional<StoredPostmortem> find(String postmortemId) {
      return inner.find(postmortemId);
    }

    @Override
    public List<StoredPostmortem> findAll() {
      return inner.findAll();
    }

    @Override
    public StoredPostmortem insert(Postmortem postmortem) {
      return inner.insert(postmortem);
    }

    @Override
    public Optional<RunLock> tryLockRun() {
      return inner.tryLockRun();
    }

    @Override
    public String describe() {
      return "contended store";
    }
  }

  static List<ActionItem> append(Postmortem p, String id) {
    return java.util.stream.Stream.concat(p.actionItems().stream(), java.util.stream.Stream.of(ActionItem.open(id, id)))
        .toList();
  }

  @Test
  void aChangeThatLostIsAppliedAgainOnTopOfTheWinners() {
    ContendedStore store = new ContendedStore();
    store.insert(new Postmortem("p1", "P", null, null, null, null, List.of(), null, null));
    store.losses.set(3);
    store.modify("p1", p -> p.withActionItems(append(p, "mine")));
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems()).extracting(ActionItem::id)
        .containsExactly("other-2", "other-1", "other-0", "mine");
  }

  @Test
  void afterTenLossesInARowItGivesUpAndSaysSo() {
    ContendedStore store = new ContendedStore();
    store.insert(new Postmortem("p1", "P", null, null, null, null, List.of(), null, null));
    store.losses.set(10);
    assertThatThrownBy(() -> store.modify("p1", p -> p.withActionItems(append(p, "mine"))))
        .isInstanceOf(StaleVersionException.class).hasMessageContaining("p1");
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems()).extracting(ActionItem::id)
        .doesNotContain("mine");
  }
}
