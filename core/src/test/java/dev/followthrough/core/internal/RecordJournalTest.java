package dev.followthrough.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives of the journal when its end was torn by a crash or damaged. */
class RecordJournalTest {
  @TempDir Path dir;
  RecordJournal journal;
  long firstBatchEnd;

  @BeforeEach
  void twoBatches() throws IOException {
    journal = new RecordJournal(dir);
    journal.append(List.of(entry("a", 1, "{\"a\":1}"), entry("b", 1, "{\n\"b\": \"two\nlines\"\n}")));
    firstBatchEnd = Files.size(journal.file());
    journal.append(List.of(entry("a", 2, "{\"a\":2}")));
  }

  private static RecordJournal.Entry entry(String id, long version, String record) {
    return new RecordJournal.Entry(id, version, record.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> read() throws IOException {
    return journal.read().stream().map(e -> e.id() + "@" + e.version() + "=" + new String(e.record(),
        StandardCharsets.UTF_8)).toList();
  }

  @Test
  void readsEveryWholeBatchInOrder() throws IOException {
    assertThat(read()).containsExactly("a@1={\"a\":1}", "b@1={\n\"b\": \"two\nlines\"\n}", "a@2={\"a\":2}");
  }

  @Test
  void aLastBatchCutAnywhereLeavesTheFirstWhole() throws IOException {
    byte[] bytes = Files.readAllBytes(journal.file());
    for (int length = (int) firstBatchEnd; length < bytes.length; length++) {
      Files.write(journal.file(), Arrays.copyOf(bytes, length));
      assertThat(read()).as("cut at %d", length).hasSize(2);
    }
  }

  @Test
  void aFlippedByteOrGarbageEndsTheReadingThere() throws IOException {
    byte[] bytes = Files.readAllBytes(journal.file());
    for (int at = (int) firstBatchEnd; at < bytes.length; at++) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= 0x41;
      Files.write(journal.file(), damaged);
      assertThat(read()).as("byte %d changed", at).hasSize(2);
    }
    Files.write(journal.file(), new byte[] {(byte) 0xff, 'b', 'a', 't', 'c', 'h', '\n'});
    assertThat(read()).isEmpty();
  }

  @Test
  void clearedOrMissingIsEmpty() throws IOException {
    journal.clear();
    assertThat(journal.isEmpty()).isTrue();
    assertThat(read()).isEmpty();
    Files.delete(journal.file());
    assertThat(journal.isEmpty()).isTrue();
    assertThat(read()).isEmpty();
  }
}
