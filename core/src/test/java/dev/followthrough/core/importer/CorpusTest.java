package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.core.DocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Real public postmortems, labelled by hand (core/src/test/resources/corpus): how well the
 * importer reads documents nobody wrote for it. The corpus is split by source repository into a
 * development set ({@code docs/}, {@code expected/}) and a sealed set ({@code sealed/docs/},
 * {@code sealed/expected/}) from repositories the development set does not use.
 *
 * <p>The development set prints every miss and fails below the floors held here; raise them as the
 * importer improves, never lower them to pass. The sealed set prints aggregate figures only (no
 * titles, no per-document lines) so that nobody tuning rules learns from it, and asserts nothing:
 * it is measured once rules work is done, and that figure is the one that counts. Do not open the
 * sealed documents or labels while changing rules.
 */
class CorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/corpus");
  static final Path SEALED = CORPUS.resolve("sealed");

  /** Suffixes a corpus document may have, tried in this order. */
  static final List<String> SUFFIXES = List.of(".md", ".txt", ".markdown", ".rst", ".html", ".htm");

  // Floors, as fractions, on the development set as a whole. History: on the 45 documents of
  // 2026-12-01 the first importer work reached recall 0.45, precision 0.55, count 0.38, instants
  // 0.21, start 0.22, end 0.06; then 0.856, 0.893, 0.844, 0.853, 0.652, 0.629; then 0.977, 0.972,
  // 0.911, 0.972, 0.913, 0.914. On 2026-12-07 the development set grew by 30 documents from three
  // new repositories, 19 of them HTML pages that the importer still reads as plain text (every
  // line of markup becomes a candidate item). The same importer then reached recall 0.880,
  // precision 0.034, fields 0.981, count 0.653, instants 0.693, start 0.771, end 0.647; the floors
  // sit just under that. Raise them (precision first) as soon as HTML is read as HTML.
  // Later on 2026-12-07 the development set grew to 86 documents (five more repositories); the
  // importer of that day read them at start 0.767 and end 0.625, so those two floors moved to just
  // under that (the others still held). Raise them as the new documents' misses are fixed.
  // On the 86 documents, with HTML read as HTML and the rules of the rules branch: recall 0.928,
  // precision 0.953, count 0.814, instants 0.787, start 0.767, end 0.643; the floors sit under them.
  // Later still the 40 former sealed documents (11 repositories, read at recall 0.539) joined the
  // development set: 126 documents read at recall 0.831, precision 0.899, fields 0.977, count
  // 0.802, instants 0.732, start 0.627, end 0.527. The floors sit under that; the new documents'
  // misses are the work list for rules that generalise.
  // The rules branch of that day (timed group headings, day headings without a year, lone times,
  // four-digit times, sub-bullet details, status-page front matter, field headings) reached recall
  // 0.838, precision 0.911, count 0.857, instants 0.848, start 0.746, end 0.595 (with the closing-the-incident rule).
  static final double ITEM_RECALL = 0.83;
  static final double ITEM_PRECISION = 0.91;
  static final double FIELD_ACCURACY = 0.97;
  static final double TIMELINE_COUNT_EXACT = 0.85;
  static final double TIMELINE_INSTANTS_RIGHT = 0.84;
  static final double START_RIGHT = 0.74;
  static final double END_RIGHT = 0.59;
  static final double IMPACT_RIGHT = 1.0;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void importerMeetsTheFloorsOnTheCorpus() throws IOException {
    List<Path> labels = labels(CORPUS);
    assumeTrue(!labels.isEmpty(), "no labelled documents in " + CORPUS);
    CorpusScore score = score(CORPUS, labels, "CORPUS dev");
    score.misses.forEach(m -> System.out.println("CORPUS miss " + m));
    score.report("CORPUS dev").forEach(System.out::println);

    // CORPUS_SKIP_SEALED set: whoever tunes rules measures the development set only, never the sealed one.
    List<Path> sealed = System.getenv("CORPUS_SKIP_SEALED") != null ? List.of() : labels(SEALED);
    if (!sealed.isEmpty()) {
      // Aggregates only: the sealed misses are never printed. Each batch apart too, since a batch
      // whose figures were seen once is a weaker measure than one never measured.
      score(SEALED, sealed, "CORPUS sealed").report("CORPUS sealed").forEach(System.out::println);
      for (var batch : batches(sealed).entrySet()) {
        String name = "CORPUS sealed batch " + batch.getKey();
        score(SEALED, batch.getValue(), name).report(name).forEach(System.out::println);
      }
    }

    SoftAssertions floors = new SoftAssertions();
    floors.assertThat(score.recall.value()).as("action-item recall").isGreaterThanOrEqualTo(ITEM_RECALL);
    floors.assertThat(score.precision.value()).as("action-item precision").isGreaterThanOrEqualTo(ITEM_PRECISION);
    score.fields.forEach((name, r) ->
        floors.assertThat(r.value()).as(name + " accuracy").isGreaterThanOrEqualTo(FIELD_ACCURACY));
    floors.assertThat(score.timelineCount.value()).as("timeline count exact").isGreaterThanOrEqualTo(TIMELINE_COUNT_EXACT);
    floors.assertThat(score.timelineInstants.value()).as("timeline instants").isGreaterThanOrEqualTo(TIMELINE_INSTANTS_RIGHT);
    floors.assertThat(score.start.value()).as("incident start").isGreaterThanOrEqualTo(START_RIGHT);
    floors.assertThat(score.end.value()).as("incident end").isGreaterThanOrEqualTo(END_RIGHT);
    floors.assertThat(score.impact.value()).as("impact percent").isGreaterThanOrEqualTo(IMPACT_RIGHT);
    floors.assertAll();
  }

  @Test
  void titlesMatchWhenReworded() {
    assertThat(CorpusScore.similarity("Add alerting on queue age", "Add alerting on the queue's age"))
        .isGreaterThanOrEqualTo(CorpusScore.SAME_TITLE);
    assertThat(CorpusScore.similarity("Add alerting on queue age", "Rotate the TLS certificates"))
        .isLessThan(CorpusScore.SAME_TITLE);
  }

  @Test
  void sealedReportCarriesNoTitlesOrDocumentNames() {
    CorpusScore score = new CorpusScore();
    score.misses.add("some-document: missed item 'Rotate the TLS certificates'");
    assertThat(score.report("CORPUS sealed"))
        .allSatisfy(line -> assertThat(line).startsWith("CORPUS sealed ").doesNotContain("some-document", "TLS"));
  }

  /** Scores every kept, labelled document of one set; refusals are counted, not thrown. */
  private static CorpusScore score(Path set, List<Path> labels, String name) throws IOException {
    CorpusScore score = new CorpusScore();
    int skipped = 0;
    for (Path label : labels) {
      JsonNode expected = JSON.readTree(label.toFile());
      String id = label.getFileName().toString().replaceFirst("\\.json$", "");
      Optional<Path> doc = document(set, id);
      if (doc.isEmpty() || !expected.path("kept").asBoolean(expected.path("source").path("kept").asBoolean(true))) {
        skipped++;
        continue;
      }
      try {
        score.score(id, PostmortemImporter.create().parse(doc.get()).postmortem(), expected);
      } catch (DocumentException e) {
        score.failed(id, e.getMessage(), expected);
      } catch (RuntimeException e) {
        score.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage(), expected);
      }
    }
    System.out.println(name + " skipped (file not kept): " + skipped);
    return score;
  }

  /** Sealed labels by the batch they came in ({@code "batch"}; the first sealed batch carries none). */
  private static java.util.SortedMap<Integer, List<Path>> batches(List<Path> labels) throws IOException {
    java.util.SortedMap<Integer, List<Path>> batches = new java.util.TreeMap<>();
    for (Path label : labels) {
      int batch = JSON.readTree(label.toFile()).path("batch").asInt(3);
      batches.computeIfAbsent(batch, b -> new java.util.ArrayList<>()).add(label);
    }
    return batches;
  }

  private static List<Path> labels(Path set) throws IOException {
    Path dir = set.resolve("expected");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static Optional<Path> document(Path set, String id) {
    for (String suffix : SUFFIXES) {
      Path doc = set.resolve("docs").resolve(id + suffix);
      if (Files.exists(doc)) {
        return Optional.of(doc);
      }
    }
    return Optional.empty();
  }
}
