package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.internal.EmbeddedStores;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory store's facts file when it is stale, torn, damaged or missing: the report data
 * still agrees with the records, and the file is rebuilt rather than trusted.
 */
class DirectoryReportFactsTest {
  @TempDir Path dir;
  ActionStore store;
  Path facts;

  @BeforeEach
  void fill() {
    store = ActionStore.directory(dir.resolve("store"), Duration.ofSeconds(5), Clock.systemUTC());
    facts = dir.resolve("store/report-facts.jsonl");
    for (String id : List.of("a", "b", "c")) {
      store.insert(pm(id));
    }
  }

  private static Postmortem pm(String id) {
    return new Postmortem(id, "Postmortem " + id, null, null, null, null, List.of(
        dev.followthrough.core.model.ActionItem.open("late", "Late").withOwner("erin")
            .withDueDate(ReportFactsContract.MAY.minusDays(3)),
        dev.followthrough.core.model.ActionItem.open("unowned", "Nobody's")), null, null);
  }

  private void assertAgreesAndRebuilt() {
    ReportFactsContract.assertAgree(store, store.reportData());
    ReportFactsContract.assertAgree(store, EmbeddedStores.directoryFactsAsWritten(dir.resolve("store")));
  }

  @Test
  void writersKeepOneLinePerWriteAndAReaderCompactsThem() throws IOException {
    for (int i = 0; i < 30; i++) {
      store.modify("a", p -> p.withItem(p.item("late").orElseThrow().withDueDate(p.item("late").orElseThrow().dueDate().plusDays(1))));
    }
    assertThat(Files.readAllLines(facts)).hasSize(1 + 3 + 30);
    assertAgreesAndRebuilt();
    assertThat(Files.readAllLines(facts)).hasSize(1 + 3);
  }

  @Test
  void aRecordReplacedBehindTheStoreIsReadAgainNotTakenFromTheFacts() throws IOException {
    Path record = dir.resolve("store/postmortems/a.json");
    byte[] first = Files.readAllBytes(record);
    store.modify("a", p -> p.withItem(p.item("late").orElseThrow().withStatus(ItemStatus.DONE)));
    Files.write(record, first); // as a restore from backup or a checkout would, same size or not
    assertThat(store.find("a").orElseThrow().postmortem().item("late").orElseThrow().status()).isEqualTo(ItemStatus.OPEN);
    assertAgreesAndRebuilt();
  }

  @Test
  void aDamagedLineMakesTheWholeFileUntrusted() throws IOException {
    List<String> lines = Files.readAllLines(facts);
    // A line of valid JSON that is not an entry, in the middle: nothing in the file is used.
    Files.write(facts, List.of(lines.get(0), lines.get(1), "{\"id\":\"b\"}", lines.get(3)), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EmbeddedStores.directoryFactsAsWritten(dir.resolve("store"))).isInstanceOf(StoreException.class);
    assertAgreesAndRebuilt();
  }

  @Test
  void aTornLastLineIsIgnoredAndItsRecordRead() throws IOException {
    store.modify("c", p -> p.withItem(p.item("unowned").orElseThrow().withOwner("sam")));
    byte[] bytes = Files.readAllBytes(facts);
    Files.write(facts, java.util.Arrays.copyOf(bytes, bytes.length - 40));
    assertAgreesAndRebuilt();
  }

  @Test
  void aMissingFileOrAnUnknownHeaderIsRebuilt() throws IOException {
    Files.delete(facts);
    assertAgreesAndRebuilt();
    List<String> lines = Files.readAllLines(facts);
    lines.set(0, "{\"reportFacts\":1}");
    Files.write(facts, lines);
    assertAgreesAndRebuilt();
    assertThat(Files.readAllLines(facts).get(0)).isEqualTo("{\"reportFacts\":2}");
  }

  @Test
  void aFileFilledWithGarbageIsRebuilt() throws IOException {
    Files.write(facts, new byte[] {(byte) 0xff, 0, '\n', '{', '\n'});
    assertAgreesAndRebuilt();
  }
}
