package dev.followthrough.cli;

import dev.followthrough.core.config.ConfigSection;
import dev.followthrough.core.config.StoreSettings;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreProvider;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An extra store module registered from this test module: {@code store: {type: test-memory,
 * name: N}}, in-memory stores by name that outlive one command, as a database would.
 */
public final class TestStoreProvider implements StoreProvider {
  static final Map<String, ActionStore> STORES = new ConcurrentHashMap<>();

  record Settings(String name) implements StoreSettings {
    @Override
    public String type() {
      return "test-memory";
    }

    @Override
    public String describe() {
      return "test store " + name;
    }

    @Override
    public ActionStore open() {
      return STORES.computeIfAbsent(name, n -> ActionStore.inMemory());
    }
  }

  @Override
  public String type() {
    return "test-memory";
  }

  @Override
  public StoreSettings read(ConfigSection section) {
    section.allowOnly(Set.of("type", "name"));
    return new Settings(section.required("name"));
  }
}
