package dev.followthrough.core.store;

class InMemoryActionStoreTest extends ActionStoreContract {
  @Override
  protected ActionStore createStore() {
    return ActionStore.inMemory();
  }
}
