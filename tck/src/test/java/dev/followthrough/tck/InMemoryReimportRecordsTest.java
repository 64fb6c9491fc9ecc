package dev.followthrough.tck;

import dev.followthrough.core.store.ActionStore;

class InMemoryReimportRecordsTest extends ReimportRecordsKit {
  @Override
  protected ActionStore createStore() {
    return ActionStore.inMemory();
  }
}
