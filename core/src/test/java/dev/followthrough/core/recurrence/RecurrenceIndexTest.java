package dev.followthrough.core.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.DocumentException;
import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.Postmortem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index keeps each profile's numbers and the corpus's word counts between calls; it must still
 * answer exactly as the detector does when handed the same earlier postmortems afresh.
 */
class RecurrenceIndexTest {
  private final RecurrenceDetector detector = RecurrenceDetector.standard().withThreshold(0.1);

  @Test
  void answersAsTheDetectorOverTheSameEarlierPostmortemsInAnyOrderOfDates() throws IOException {
    // Name order: dates go back and forth, so some candidates are left out by date.
    List<Postmortem> documents = read(RecurrenceEvaluationTest.LABELLED);
    documents.addAll(read(RecurrenceEvaluationTest.REAL));
    RecurrenceIndex index = new RecurrenceIndex(detector);
    Map<String, Postmortem> added = new LinkedHashMap<>();
    int matched = 0;
    for (Postmortem newer : documents) {
      List<RecurrenceMatch> fromIndex = index.matches(newer);
      assertSame(fromIndex, detector.matches(newer, candidates(newer, added)), newer.id());
      matched += fromIndex.size();
      index.add(newer);
      added.put(newer.id(), newer);
      for (Map.Entry<String, RecurrenceMatch> later : index.laterRepeats(newer).entrySet()) {
        Postmortem repeat = added.get(later.getKey());
        List<RecurrenceMatch> direct = detector.matches(repeat, candidates(repeat, added)).stream()
            .filter(m -> m.earlierPostmortemId().equals(newer.id())).toList();
        assertSame(List.of(later.getValue()), direct, repeat.id() + " repeating " + newer.id());
      }
    }
    assertThat(matched).as("pairs compared that matched").isGreaterThan(20);
  }

  @Test
  void aReplacedPostmortemNoLongerCountsInTheWordWeights() throws IOException {
    List<Postmortem> documents = read(RecurrenceEvaluationTest.LABELLED);
    RecurrenceIndex index = new RecurrenceIndex(detector);
    Map<String, Postmortem> added = new LinkedHashMap<>();
    for (Postmortem p : documents) {
      index.add(p);
      added.put(p.id(), p);
    }
    // Each stored one is replaced by a copy with another title and root cause, then asked about.
    for (Postmortem p : documents.subList(0, 10)) {
      IncidentSummary i = p.incident();
      Postmortem edited = new Postmortem(p.id(), "Edited " + p.title(), p.severity(), new IncidentSummary(i.date(),
          i.start(), i.end(), i.durationMinutes(), i.summary(), i.impact(), i.impactPercent(),
          "a deadlock between two transactions in the database", i.resolution()), p.timeline(), p.measures(),
          p.actionItems(), p.sections(), p.source());
      index.add(edited);
      added.put(p.id(), edited);
    }
    int matched = 0;
    for (Postmortem p : added.values()) {
      List<RecurrenceMatch> fromIndex = index.matches(p);
      assertSame(fromIndex, detector.matches(p, candidates(p, added)), p.id());
      matched += fromIndex.size();
    }
    assertThat(matched).as("pairs compared that matched").isGreaterThan(20);
  }

  private static List<Postmortem> candidates(Postmortem newer, Map<String, Postmortem> added) {
    LocalDate day = newer.incident().referenceDate();
    return added.values().stream().filter(p -> !p.id().equals(newer.id()))
        .filter(p -> day == null || p.incident().referenceDate() == null || !p.incident().referenceDate().isAfter(day))
        .toList();
  }

  private static void assertSame(List<RecurrenceMatch> actual, List<RecurrenceMatch> expected, String what) {
    assertThat(actual).as(what).extracting(RecurrenceMatch::earlierPostmortemId)
        .isEqualTo(expected.stream().map(RecurrenceMatch::earlierPostmortemId).toList());
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i).score()).as(what).isCloseTo(expected.get(i).score(), org.assertj.core.data.Offset.offset(1e-9));
      assertThat(actual.get(i).sharedTerms()).as(what).isEqualTo(expected.get(i).sharedTerms());
    }
  }

  private static List<Postmortem> read(Path dir) throws IOException {
    List<Postmortem> documents = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.toString().matches(".*\\.(md|txt|html)$"))
          .filter(f -> !f.getFileName().toString().endsWith("pairs.txt")).sorted().toList();
    }
    for (Path file : files) {
      try {
        documents.add(PostmortemImporter.create().parse(file).postmortem());
      } catch (DocumentException e) {
        // Unreadable documents are the evaluation's concern, not this comparison's.
      }
    }
    return documents;
  }
}
