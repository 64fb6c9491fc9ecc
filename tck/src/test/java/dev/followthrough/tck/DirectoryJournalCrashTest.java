package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.internal.EmbeddedStores;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch import into the directory store killed at the worst moment: a separate JVM imports 130
 * documents (batches of 100) and halts in the second batch's commit, right after the journal's
 * flush and before any of that batch's records is written. Whoever opens the store next must find
 * every acknowledged document and every journaled one, each record whole, the facts in agreement.
 */
class DirectoryJournalCrashTest {
  static final int DOCUMENTS = 130;
  static final int FIRST_BATCH = 100;

  @TempDir Path dir;
  Path store;
  Path journal;
  List<String> acknowledged;

  @BeforeEach
  void importUntilTheHalt() throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    for (int d = 0; d < DOCUMENTS; d++) {
      Files.writeString(docs.resolve(String.format("incident-%03d.md", d)), "# Incident " + d + " in service " + d
          + "\n\n- Duration: 2025-05-01 10:00 to 2025-05-01 11:00 (UTC)\n\n## Action items\n\n"
          + "- [ ] Item one of incident " + d + " owner: @erin due: 2025-04-20\n"
          + "- [ ] Item two of incident " + d + " due: 2025-06-20\n");
    }
    store = dir.resolve("store");
    journal = store.resolve("journal.bin");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), StoreWriterProcess.class.getName(), "importHalting", store.toString(),
        docs.toString(), "2"));
    Process writer = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(writer.exitValue()).as(output).isEqualTo(86);
    acknowledged = output.lines().filter(l -> l.startsWith("acknowledged ")).map(l -> l.substring(13)).toList();
    assertThat(acknowledged).as("the first batch was acknowledged before the halt").hasSize(FIRST_BATCH);
    assertThat(output).contains("halting after the journal's flush").doesNotContain("finished");
    assertThat(Files.size(journal)).as("the halted batch is in the journal").isGreaterThan(0);
    assertThat(recordFiles()).as("its records are not in place").hasSize(FIRST_BATCH);
  }

  private ActionStore open() {
    return ActionStore.directory(store, Duration.ofSeconds(5), Clock.systemUTC());
  }

  private List<String> recordFiles() throws IOException {
    try (Stream<Path> files = Files.list(store.resolve("postmortems"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }

  private void assertEveryDocumentAndTheFactsAgree(ActionStore reopened, int expected) {
    List<String> ids = reopened.findAll().stream().map(StoredPostmortem::id).toList();
    assertThat(ids).containsAll(acknowledged).hasSize(expected);
    ReportFactsContract.assertAgree(reopened, reopened.reportData());
    ReportFactsContract.assertAgree(reopened, EmbeddedStores.directoryFactsAsWritten(store));
  }

  @Test
  void aReaderReplaysTheJournalAndFindsEveryAcknowledgedAndJournaledDocument() throws IOException {
    ActionStore reopened = open();
    assertEveryDocumentAndTheFactsAgree(reopened, DOCUMENTS);
    assertThat(recordFiles()).hasSize(DOCUMENTS);
    assertThat(Files.size(journal)).as("emptied once its records were in place").isZero();
  }

  @Test
  void aWriterReplaysTheJournalBeforeItsFirstWrite() throws IOException {
    ActionStore reopened = open();
    try (ActionStore.Batch batch = reopened.batch()) {
      var first = reopened.findAll().get(0);
      reopened.update(first.postmortem().withActionItems(List.of()), first.version());
      batch.commit();
    }
    assertEveryDocumentAndTheFactsAgree(open(), DOCUMENTS);
  }

  @Test
  void aTornBatchAfterTheJournaledOneLosesNothingAndOpensWithoutError() throws IOException {
    byte[] whole = Files.readAllBytes(journal);
    // A later batch torn by a crash during its write: its header and half of its bytes.
    byte[] torn = Arrays.copyOf(whole, whole.length + whole.length / 2);
    System.arraycopy(whole, 0, torn, whole.length, whole.length / 2);
    Files.write(journal, torn);
    assertEveryDocumentAndTheFactsAgree(open(), DOCUMENTS);
  }

  @Test
  void bytesThatAreNoBatchAfterTheJournaledOneAreIgnored() throws IOException {
    byte[] whole = Files.readAllBytes(journal);
    byte[] garbage = {(byte) 0xff, 0, 'b', 'a', 't', 'c', 'h', ' ', '9', '\n', 1, 2, 3};
    byte[] damaged = Arrays.copyOf(whole, whole.length + garbage.length);
    System.arraycopy(garbage, 0, damaged, whole.length, garbage.length);
    Files.write(journal, damaged);
    assertEveryDocumentAndTheFactsAgree(open(), DOCUMENTS);
  }

  @Test
  void aBatchWhoseChecksumFailsIsIgnoredAndTheStoreStillOpens() throws IOException {
    byte[] bytes = Files.readAllBytes(journal);
    bytes[bytes.length - 10] ^= 0x20; // inside the last record: the batch no longer matches its checksum
    Files.write(journal, bytes);
    assertEveryDocumentAndTheFactsAgree(open(), FIRST_BATCH);
    assertThat(Files.size(journal)).isZero();
  }
}
