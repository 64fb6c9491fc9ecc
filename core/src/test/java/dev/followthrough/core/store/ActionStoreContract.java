package dev.followthrough.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link ActionStore} must show; each implementation's test extends it. */
abstract class ActionStoreContract {
  protected ActionStore store;

  protected abstract ActionStore createStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = createStore();
  }

  static Postmortem postmortem(String id, String... itemTitles) {
    List<ActionItem> items = java.util.Arrays.stream(itemTitles)
        .map(t -> ActionItem.open(t.toLowerCase().replace(' ', '-'), t)).toList();
    return new Postmortem(id, "Postmortem " + id, null, null, null, null, items, null, null);
  }

  @Test
  void insertedPostmortemIsFoundAtVersionOne() {
    StoredPostmortem saved = store.insert(postmortem("p1", "Fix it"));
    assertThat(saved.version()).isEqualTo(1);
    assertThat(store.find("p1")).map(StoredPostmortem::postmortem).contains(postmortem("p1", "Fix it"));
  }

  @Test
  void findAllIsOrderedById() {
    store.insert(postmortem("b"));
    store.insert(postmortem("a"));
    assertThat(store.findAll()).extracting(StoredPostmortem::id).containsExactly("a", "b");
  }

  @Test
  void updateBumpsTheVersion() {
    StoredPostmortem v1 = store.insert(postmortem("p1", "Fix it"));
    Postmortem changed = v1.postmortem().withItem(v1.postmortem().actionItems().get(0).withStatus(ItemStatus.DONE));
    StoredPostmortem v2 = store.update(changed, v1.version());
    assertThat(v2.version()).isEqualTo(2);
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems().get(0).status()).isEqualTo(ItemStatus.DONE);
  }

  @Test
  void staleUpdateIsRejectedNotMerged() {
    StoredPostmortem v1 = store.insert(postmortem("p1", "Fix it"));
    store.update(postmortem("p1", "Fix it", "Second"), v1.version());
    assertThatThrownBy(() -> store.update(postmortem("p1", "Overwrite"), v1.version()))
        .isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("p1")
        .hasMessageContaining("expected version 1, found 2");
    assertThat(store.find("p1").orElseThrow().postmortem().actionItems()).hasSize(2);
  }

  @Test
  void secondInsertOfTheSameIdIsRejected() {
    store.insert(postmortem("p1"));
    assertThatThrownBy(() -> store.insert(postmortem("p1"))).isInstanceOf(StaleVersionException.class);
  }

  @Test
  void updateOfAnUnknownPostmortemIsRejected() {
    assertThatThrownBy(() -> store.update(postmortem("ghost"), 1)).isInstanceOf(StaleVersionException.class);
  }
}
