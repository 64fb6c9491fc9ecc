package dev.followthrough.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.followthrough.core.Followthrough;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.Tracker;
import java.time.Clock;
import java.util.Map;

/**
 * Optional Guice wiring for {@link Followthrough}, built with the same public builder as plain
 * Java. Without a configuration it binds overridable defaults (an in-memory store, the UTC system
 * clock, the standard due-date policy) and an empty map of trackers that other modules add to
 * with {@link #trackers(com.google.inject.Binder)}; with one, the configured store, tracker and
 * policy become the defaults. It does no I/O until the store is first used.
 *
 * <pre>{@code
 * Guice.createInjector(new FollowthroughModule(), binder -> {
 *   OptionalBinder.newOptionalBinder(binder, ActionStore.class)
 *       .setBinding().toInstance(ActionStore.directory(Path.of(".followthrough")));
 *   FollowthroughModule.trackers(binder).addBinding(tracker.type()).toInstance(tracker);
 * });
 * }</pre>
 */
public final class FollowthroughModule extends AbstractModule {
  private final FollowthroughConfig config;

  /** Defaults only: an in-memory store and no tracker. */
  public FollowthroughModule() {
    this.config = null;
  }

  /** The store, tracker and policy of a loaded configuration, each still overridable. */
  public FollowthroughModule(FollowthroughConfig config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  /** Where other modules register trackers, by type. */
  public static MapBinder<String, Tracker> trackers(com.google.inject.Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Tracker.class);
  }

  @Override
  protected void configure() {
    var store = OptionalBinder.newOptionalBinder(binder(), ActionStore.class).setDefault();
    if (config == null) {
      store.toProvider(ActionStore::inMemory).in(Singleton.class);
    } else {
      store.toProvider(config.store()::open).in(Singleton.class);
    }
    OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
    OptionalBinder.newOptionalBinder(binder(), DueDatePolicy.class).setDefault()
        .toInstance(config == null ? DueDatePolicy.standard() : config.policy());
    MapBinder<String, Tracker> trackers = trackers(binder());
    if (config != null && config.tracker() != null) {
      trackers.addBinding(config.tracker().basics().type()).toProvider(config.tracker()::open).in(Singleton.class);
    }
  }

  @Provides
  @Singleton
  Followthrough followthrough(ActionStore store, Clock clock, DueDatePolicy policy, Map<String, Tracker> trackers) {
    Followthrough.Builder builder = Followthrough.builder().store(store).clock(clock).policy(policy);
    trackers.values().forEach(builder::tracker);
    return builder.build();
  }
}
