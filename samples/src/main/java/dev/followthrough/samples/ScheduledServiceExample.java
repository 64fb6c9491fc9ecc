package dev.followthrough.samples;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.sync.SyncResult;
import dev.followthrough.core.sync.SyncScheduler;
import dev.followthrough.core.sync.Trigger;
import dev.followthrough.core.tracker.InMemoryTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduled sync inside a long-running service: start the scheduler with the service, stop it
 * (letting a running sync finish) when the service shuts down.
 *
 * <p>The demo syncs every second and stops after three runs; a service would use {@code
 * Trigger.cron("0 * * * *")} and stop from its own shutdown hook.
 */
public final class ScheduledServiceExample {
  private ScheduledServiceExample() {}

  public static void main(String[] args) throws InterruptedException {
    Path postmortems = Path.of(args.length > 0 ? args[0] : "samples/postmortems");
    System.out.println(run(postmortems, Duration.ofSeconds(1), 3) + " scheduled runs finished");
  }

  static int run(Path postmortems, Duration every, int runs) throws InterruptedException {
    InMemoryTracker tracker = InMemoryTracker.builder().type("demo").build();
    Followthrough ft = Followthrough.builder().store(ActionStore.inMemory()).tracker(tracker).build();
    ft.importPath(postmortems);
    CountDownLatch done = new CountDownLatch(runs);
    AtomicInteger finished = new AtomicInteger();
    SyncScheduler scheduler = SyncScheduler.builder(() -> ft.syncEngine("demo"), Trigger.every(every))
        .jitter(Duration.ofMillis(100))
        .listener(new SyncScheduler.Listener() {
          @Override
          public void finished(SyncResult result) {
            System.out.println("scheduled sync: " + result.summary());
            finished.incrementAndGet();
            done.countDown();
          }
        })
        .build()
        .start();
    // A service would call stop from its shutdown hook; here the demo ends after a few runs.
    Runtime.getRuntime().addShutdownHook(new Thread(scheduler::stop));
    done.await(runs * every.toMillis() * 5 + 10_000, TimeUnit.MILLISECONDS);
    scheduler.stopAndWait(Duration.ofSeconds(30));
    return finished.get();
  }
}
