package dev.followthrough.samples;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.InMemoryTracker;
import dev.followthrough.core.tracker.TicketState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Close, verify, see recurrence, through the Java API on the sample postmortems: an item closed
 * in the tracker awaits verification, an ineffective fix reopens it and its ticket, and the 2026
 * stampede is flagged as a repeat of the 2023 one.
 *
 * <p>Run with {@code java -cp … dev.followthrough.samples.EffectivenessExample [POSTMORTEMS]}.
 */
public final class EffectivenessExample {
  private EffectivenessExample() {}

  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "samples/postmortems"), System.out);
  }

  /** What happened, for the tests: the item verified, and the report after it. */
  record Outcome(ActionItem verified, TicketState ticketAfterSync, OverdueReport report) {}

  static Outcome run(Path postmortems, PrintStream out) {
    InMemoryTracker tracker = InMemoryTracker.builder().type("demo").build();
    try (Followthrough ft = Followthrough.builder().store(ActionStore.inMemory()).tracker(tracker).build()) {
      ft.importPath(postmortems);
      for (Postmortem p : ft.postmortems()) {
        for (Recurrence r : p.recurrenceOf()) {
          out.println(p.id() + " likely repeats " + r.postmortemId() + " (score " + r.score() + ", "
              + String.join(", ", r.sharedTerms()) + "); the earlier incident still had " + r.earlierItems().open()
              + " open items");
        }
      }
      ft.sync("demo");
      // Someone closes the 2023 stampede's schedule fix in the tracker; the next sync pulls it.
      String pm = "2023-11-08-product-page-cache-stampede";
      String item = "fix-flush-schedule";
      String key = tracker.tickets().stream().filter(t -> t.labels().contains(TicketKeys.of(pm, item)))
          .findFirst().orElseThrow().key();
      tracker.changeState(key, TicketState.DONE);
      ft.sync("demo");
      Verification pending = ft.postmortems().stream().filter(p -> p.id().equals(pm)).findFirst().orElseThrow()
          .item(item).orElseThrow().verification();
      out.println(pm + "/" + item + " is done; verification " + pending.state() + ", due " + pending.dueDate());
      ActionItem verified = ft.verify(pm, item, Verification.State.INEFFECTIVE, "the stampede came back in 2026", "lena");
      out.println("verified ineffective: the item is " + verified.status() + " again");
      ft.sync("demo");
      TicketState after = tracker.tickets().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow().state();
      out.println("its ticket " + key + " is " + after + " again");
      OverdueReport report = ft.report(LocalDate.now());
      out.println("recurrence rate " + report.summary().recurrenceRate() + ", effective rate "
          + report.summary().effectiveRate());
      return new Outcome(verified, after, report);
    }
  }
}
