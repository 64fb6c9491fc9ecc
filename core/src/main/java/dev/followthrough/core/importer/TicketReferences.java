package dev.followthrough.core.importer;

import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.tracker.TrackerProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Asks each tracker module on the class path whether a ticket cell names one of its tickets. */
final class TicketReferences {
  // Loaded once: the class path does not change while a program runs, and imports are hot paths.
  private static final List<TrackerProvider> PROVIDERS = TrackerProvider.available().stream()
      .sorted(Comparator.comparing(TrackerProvider::type)).toList();

  /** Headers of a ticket column: general words, or the type name of an installed tracker. */
  static final String[] COLUMN_NAMES = java.util.stream.Stream.concat(
      java.util.stream.Stream.of("ticket", "bug", "issue", "tracking", "link"),
      PROVIDERS.stream().map(TrackerProvider::type)).toArray(String[]::new);

  private TicketReferences() {}

  /**
   * The reference of each module that reads the text as one of its tickets. Several may ({@code
   * OPS-12} can be a key of two modules whose keys share a form): keeping only the
   * first would hide the citation from the tracker a sync uses, which then plans a plain create.
   */
  static List<TicketLink> in(String text) {
    return PROVIDERS.stream().map(p -> p.referenceIn(text)).flatMap(Optional::stream).toList();
  }
}
