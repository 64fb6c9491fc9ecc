package dev.followthrough.core.recurrence;

import dev.followthrough.core.model.Postmortem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored postmortems a batch of imports compares new ones with, each read into its profile
 * once and numbered once in a corpus whose word counts follow the postmortems added: analysing
 * every earlier postmortem again for each new one made importing N documents cost N² analyses,
 * and weighing every earlier profile's words again made it N² passes over their words. Answers
 * exactly as {@link RecurrenceDetector#matches} over the same postmortems. Not thread-safe; one
 * import run owns one index.
 */
public final class RecurrenceIndex {
  // The reference day is kept: working it out again for every pair cost a tenth of an import.
  private record Earlier(Postmortem postmortem, TermCorpus.Entry entry, LocalDate day) {
    Earlier(Postmortem postmortem, TermCorpus.Entry entry) {
      this(postmortem, entry, postmortem.incident().referenceDate());
    }
  }

  private final RecurrenceDetector detector;
  private final Map<String, Earlier> earlier = new LinkedHashMap<>();
  private final TermCorpus corpus = new TermCorpus();
  // The last postmortem asked about, so that adding it next does not analyse it again.
  private Earlier lastAsked;

  public RecurrenceIndex(RecurrenceDetector detector) {
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /** Adds a postmortem, or replaces the one with its id. */
  public void add(Postmortem postmortem) {
    TermCorpus.Entry entry = lastAsked != null && Profiler.sameText(lastAsked.postmortem(), postmortem)
        ? lastAsked.entry()
        : corpus.entry(detector.profile(postmortem));
    lastAsked = null;
    Earlier replaced = earlier.put(postmortem.id(), new Earlier(postmortem, entry));
    if (replaced != null) {
      corpus.remove(replaced.entry());
    }
    corpus.add(entry);
  }

  public int size() {
    return earlier.size();
  }

  /** The indexed postmortem with that id, as it was added. */
  public Optional<Postmortem> get(String id) {
    return Optional.ofNullable(earlier.get(id)).map(Earlier::postmortem);
  }

  /**
   * What {@link RecurrenceDetector#matches} answers for {@code newer} against the indexed
   * postmortems dated on or before it (all of them when either side has no date).
   */
  public List<RecurrenceMatch> matches(Postmortem newer) {
    lastAsked = new Earlier(newer, corpus.entry(detector.profile(newer)));
    return matches(newer, lastAsked.entry());
  }

  private List<RecurrenceMatch> matches(Postmortem newer, TermCorpus.Entry subject) {
    LocalDate day = newer.incident().referenceDate();
    List<TermCorpus.Entry> candidates = new ArrayList<>();
    List<TermCorpus.Entry> left = new ArrayList<>();
    earlier.forEach((id, e) -> {
      LocalDate earlierDay = e.day();
      if (!id.equals(newer.id()) && (day == null || earlierDay == null || !earlierDay.isAfter(day))) {
        candidates.add(e.entry());
      } else {
        left.add(e.entry());
      }
    });
    // The word weights of the candidates plus the newer one, as the detector takes them: the
    // corpus is changed to that for the moment it takes to read its weights.
    left.forEach(corpus::remove);
    corpus.add(subject);
    Similarity similarity = new Similarity(corpus, subject);
    corpus.remove(subject);
    left.forEach(corpus::add);
    return detector.matches(subject, candidates, similarity);
  }
  /**
   * The indexed postmortems dated after {@code older} that repeat it, each with the match that
   * {@link #matches} gives for it now that {@code older} is indexed: a folder imported in name
   * order may bring an incident after a later one, which was compared only with what came before
   * it. Costs nothing when {@code older} is the newest incident (or has no date).
   */
  public Map<String, RecurrenceMatch> laterRepeats(Postmortem older) {
    Map<String, RecurrenceMatch> repeats = new LinkedHashMap<>();
    LocalDate day = older.incident().referenceDate();
    if (day == null) {
      return repeats;
    }
    earlier.forEach((id, e) -> {
      LocalDate laterDay = e.day();
      if (!id.equals(older.id()) && laterDay != null && laterDay.isAfter(day)) {
        matches(e.postmortem(), e.entry()).stream().filter(m -> m.earlierPostmortemId().equals(older.id())).findFirst()
            .ifPresent(m -> repeats.put(id, m));
      }
    });
    return repeats;
  }
}
