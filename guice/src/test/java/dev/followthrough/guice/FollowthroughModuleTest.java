package dev.followthrough.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.multibindings.OptionalBinder;
import dev.followthrough.core.EmbeddingTest;
import dev.followthrough.core.Followthrough;
import dev.followthrough.core.config.FollowthroughConfig;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.testing.TestClock;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Guice wiring runs the same flow as the plain builders. */
class FollowthroughModuleTest {
  @TempDir Path dir;
  final TestClock clock = TestClock.at("2025-06-01T12:00:00Z");
  final InMemoryTracker tracker = InMemoryTracker.builder().type("memory").clock(clock).build();

  @Test
  void wiredWithGuice() throws IOException {
    var injector = Guice.createInjector(new FollowthroughModule(), binder -> {
      OptionalBinder.newOptionalBinder(binder, ActionStore.class).setBinding()
          .toInstance(ActionStore.directory(dir.resolve("guice-store")));
      OptionalBinder.newOptionalBinder(binder, Clock.class).setBinding().toInstance(clock);
      FollowthroughModule.trackers(binder).addBinding("memory").toInstance(tracker);
    });
    EmbeddingTest.importSyncAndReport(injector.getInstance(Followthrough.class), tracker, dir);
  }

  @Test
  void defaultsNeedNoBindings() {
    Followthrough ft = Guice.createInjector(new FollowthroughModule()).getInstance(Followthrough.class);
    assertThat(ft.store().describe()).isEqualTo("in-memory store");
    assertThat(ft.trackers()).isEmpty();
  }

  @Test
  void aLoadedConfigurationSuppliesTheStoreAndPolicy() {
    FollowthroughConfig config = FollowthroughConfig.parse(
        "store: " + dir.resolve("configured") + "\npolicy: {defaultPriority: P2}\n", "f.yaml", name -> null);
    Followthrough ft = Guice.createInjector(new FollowthroughModule(config)).getInstance(Followthrough.class);
    assertThat(ft.store().describe()).contains("configured");
    assertThat(ft.policy().defaultPriority()).hasToString("P2");
  }
}
