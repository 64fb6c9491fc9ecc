package dev.followthrough.samples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.OptionalBinder;
import dev.followthrough.core.Followthrough;
import dev.followthrough.guice.FollowthroughModule;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.policy.DueDatePolicy;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Embedding with Guice: {@link FollowthroughModule} binds the defaults; the application's own
 * module overrides the policy and registers a tracker. Modules do no I/O.
 */
public final class GuiceExample {
  private GuiceExample() {}

  /** The application's wiring: a stricter P1 deadline and one tracker. */
  static final class AppModule extends AbstractModule {
    @Override
    protected void configure() {
      OptionalBinder.newOptionalBinder(binder(), DueDatePolicy.class).setBinding()
          .toInstance(DueDatePolicy.standard().withDueDays(Priority.P1, 7));
      FollowthroughModule.trackers(binder()).addBinding("demo").toInstance(InMemoryTracker.builder().type("demo").build());
    }
  }

  public static void main(String[] args) {
    Path postmortems = Path.of(args.length > 0 ? args[0] : "samples/postmortems");
    LocalDate asOf = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.now();
    OverdueReport report = run(postmortems, asOf);
    System.out.println(report.overdue().size() + " overdue action items as of " + asOf);
  }

  static OverdueReport run(Path postmortems, LocalDate asOf) {
    Injector injector = Guice.createInjector(new FollowthroughModule(), new AppModule());
    Followthrough ft = injector.getInstance(Followthrough.class);
    ft.importPath(postmortems);
    ft.sync("demo");
    return ft.report(asOf);
  }
}
