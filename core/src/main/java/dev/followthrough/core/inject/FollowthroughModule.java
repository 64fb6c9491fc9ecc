package dev.followthrough.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.followthrough.core.Followthrough;
import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.Tracker;
import java.time.Clock;
import java.util.Map;

/**
 * Optional Guice wiring for {@link Followthrough}. It binds overridable defaults (an in-memory
 * store, the UTC system clock, the standard due-date policy) and an empty map of trackers that
 * other modules add to with {@link #trackers(com.google.inject.Binder)}. It does no I/O.
 *
 * <pre>{@code
 * Guice.createInjector(new FollowthroughModule(), binder -> {
 *   OptionalBinder.newOptionalBinder(binder, ActionStore.class)
 *       .setBinding().toInstance(ActionStore.directory(Path.of(".followthrough")));
 *   FollowthroughModule.trackers(binder).addBinding("jira").toInstance(jiraTracker);
 * });
 * }</pre>
 */
public final class FollowthroughModule extends AbstractModule {

  /** Where other modules register trackers, by type. */
  public static MapBinder<String, Tracker> trackers(com.google.inject.Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Tracker.class);
  }

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), ActionStore.class).setDefault().toProvider(ActionStore::inMemory)
        .in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
    OptionalBinder.newOptionalBinder(binder(), DueDatePolicy.class).setDefault().toInstance(DueDatePolicy.standard());
    trackers(binder());
  }

  @Provides
  @Singleton
  Followthrough followthrough(ActionStore store, Clock clock, DueDatePolicy policy, Map<String, Tracker> trackers) {
    Followthrough.Builder builder = Followthrough.builder().store(store).clock(clock).policy(policy);
    trackers.values().forEach(builder::tracker);
    return builder.build();
  }
}
