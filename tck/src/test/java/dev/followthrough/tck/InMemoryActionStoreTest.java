package dev.followthrough.tck;

import dev.followthrough.core.store.ActionStore;

class InMemoryActionStoreTest extends StoreContractKit {
  private ActionStore shared;

  @Override
  protected ActionStore createStore() {
    shared = ActionStore.inMemory();
    return shared;
  }

  /** The in-memory store lives in one object: another handle is that object. */
  @Override
  protected ActionStore openAgain() {
    return shared;
  }
}
