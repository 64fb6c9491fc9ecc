package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.StoreLockedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryActionStoreTest extends StoreContractKit {
  @TempDir Path dir;

  @Override
  protected ActionStore createStore() {
    return ActionStore.directory(dir.resolve("store"), Duration.ofSeconds(5), Clock.systemUTC());
  }

  @Override
  protected ActionStore openAgain() {
    return createStore();
  }

  @Override
  public java.util.Optional<dev.followthrough.core.store.ReportData> reportFactsAsWritten() {
    return java.util.Optional.of(dev.followthrough.core.internal.EmbeddedStores.directoryFactsAsWritten(dir.resolve("store")));
  }

  @Override
  public java.util.Optional<ActionStore> crashingAfterRecordWrite(RuntimeException crash) {
    return java.util.Optional.of(dev.followthrough.core.internal.EmbeddedStores.directory(dir.resolve("store"),
        Duration.ofSeconds(5), Clock.systemUTC(), () -> {
          throw crash;
        }));
  }

  private Path recordFile(String id) {
    return dir.resolve("store/postmortems/" + id + ".json");
  }

  @Test
  void readingAMissingStoreCreatesNothing() {
    assertThat(store.findAll()).isEmpty();
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void dataSurvivesReopening() {
    store.insert(postmortem("p1", "Fix it"));
    assertThat(createStore().find("p1")).isPresent();
  }

  @Test
  void aRecordWrittenBeforeFindingsWereKeptReadsAsNeverChecked() throws IOException {
    store.insert(postmortem("p1", "Fix it").withQuality(List.of()));
    // As an older release wrote it: no quality field on the postmortem or its items.
    String older = Files.readString(recordFile("p1")).replaceAll(",\\s*\"quality\"\\s*:\\s*(\\[\\s*]|null)", "");
    assertThat(older).doesNotContain("quality");
    Files.writeString(recordFile("p1"), older);
    var read = createStore().find("p1").orElseThrow().postmortem();
    assertThat(read.quality()).isNull();
    assertThat(read.actionItems().get(0).quality()).isNull();
    assertThat(store.reportData().qualityCounts()).containsExactly(
        new dev.followthrough.core.store.QualityCount("p1", null, 1, 0, 0, 0));
  }

  @Test
  void truncatedFileIsReportedByName() throws IOException {
    store.insert(postmortem("p1", "Fix it"));
    store.insert(postmortem("p2", "Other"));
    String content = Files.readString(recordFile("p1"));
    Files.writeString(recordFile("p1"), content.substring(0, content.length() / 2));
    assertThatThrownBy(() -> store.findAll())
        .isInstanceOf(DamagedStoreException.class)
        .hasMessageContaining(recordFile("p1").toString())
        .hasMessageContaining("damaged");
    assertThat(store.find("p2")).isPresent();
  }

  @Test
  void everyDamagedFileIsNamed() throws IOException {
    store.insert(postmortem("p1"));
    store.insert(postmortem("p2"));
    Files.writeString(recordFile("p1"), "");
    Files.write(recordFile("p2"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
    DamagedStoreException e = (DamagedStoreException) org.assertj.core.api.Assertions.catchThrowable(store::findAll);
    assertThat(e.files()).containsExactly(recordFile("p1").toString(), recordFile("p2").toString());
  }

  @Test
  void fileWithAnInvalidRecordIsDamagedNotSkipped() throws IOException {
    store.insert(postmortem("p1", "Fix it"));
    Files.writeString(recordFile("p1"), Files.readString(recordFile("p1")).replace("\"Fix it\"", "\"\""));
    assertThatThrownBy(() -> store.find("p1"))
        .isInstanceOf(DamagedStoreException.class)
        .hasMessageContaining("title: must not be blank");
  }

  @Test
  void aWriteInterruptedBeforeItsRenameLeavesTheOldVersion() throws IOException {
    StoredPostmortem v1 = store.insert(postmortem("p1", "Fix it"));
    // What a writer killed after writing its temp file, before the rename, leaves behind.
    Path temp = recordFile("p1").resolveSibling(".p1.json.1234.tmp");
    Files.writeString(temp, "{\"schemaVersion\": 1, \"version\": 2, \"postm");
    assertThat(store.find("p1").orElseThrow()).isEqualTo(v1);
    assertThat(store.findAll()).hasSize(1);
    createStore().update(postmortem("p1", "Fix it", "More"), 1);
    assertThat(temp).doesNotExist();
  }

  @Test
  void foreignDirectoryIsNotWrittenInto() throws IOException {
    Files.createDirectories(dir.resolve("store"));
    Files.writeString(dir.resolve("store/notes.txt"), "mine");
    assertThatThrownBy(() -> store.insert(postmortem("p1")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is not a Followthrough store");
  }

  @Test
  void twoProcessesWritingAtOnceLoseNothing() throws Exception {
    store.insert(postmortem("shared"));
    int each = 40;
    Process a = java("append", dir.resolve("store").toString(), "a", String.valueOf(each));
    Process b = java("append", dir.resolve("store").toString(), "b", String.valueOf(each));
    assertThat(a.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as(output(a)).isZero();
    assertThat(b.exitValue()).as(output(b)).isZero();
    StoredPostmortem shared = store.find("shared").orElseThrow();
    assertThat(shared.postmortem().actionItems()).hasSize(2 * each);
    assertThat(shared.version()).isEqualTo(1 + 2 * each);
  }

  @Test
  void secondWriterGetsAClearErrorAndALockOfAKilledProcessIsReleased() throws Exception {
    Path storeDir = dir.resolve("store");
    Process holder = java("hold", storeDir.toString());
    try {
      awaitLine(holder, "locked");
      ActionStore impatient = ActionStore.directory(storeDir, Duration.ofMillis(300), Clock.systemUTC());
      assertThatThrownBy(() -> impatient.insert(postmortem("p1")))
          .isInstanceOf(StoreLockedException.class)
          .hasMessageContaining("another process (pid " + holder.pid() + ")");
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    ActionStore later = ActionStore.directory(storeDir, Duration.ofSeconds(5), Clock.systemUTC());
    assertThat(later.insert(postmortem("p1")).version()).isEqualTo(1);
  }

  @Test
  void theRunLockIsExclusiveAcrossProcessesAndFreedWhenItsHolderDies() throws Exception {
    Path storeDir = dir.resolve("store");
    Process holder = java("holdRun", storeDir.toString());
    try {
      awaitLine(holder, "locked");
      assertThat(ActionStore.directory(storeDir).tryLockRun()).isEmpty();
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    try (var lock = ActionStore.directory(storeDir).tryLockRun().orElseThrow()) {
      assertThat(ActionStore.directory(storeDir).tryLockRun()).isEmpty();
    }
  }

  @Test
  void killingAWriterMidWriteNeverLeavesADamagedStore() throws Exception {
    Path storeDir = dir.resolve("store");
    ActionStore.directory(storeDir).insert(postmortem("big"));
    int midWrite = 0;
    boolean sawAChurnedVersion = false;
    for (int attempt = 0; midWrite < 3; attempt++) {
      assertThat(attempt).as("attempts needed for 3 kills that landed while a replacement was half-written").isLessThan(40);
      Process churn = java("churn", storeDir.toString());
      awaitLine(churn, "churning");
      // Aim the kill at a write in progress, after one completed: a temp file is beside the
      // record from the start of a rewrite until its rename.
      awaitTempFiles(storeDir, churn, true);
      awaitTempFiles(storeDir, churn, false);
      awaitTempFiles(storeDir, churn, true);
      churn.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      if (tempFiles(storeDir) > 0) {
        midWrite++;
      }
      StoredPostmortem survivor = ActionStore.directory(storeDir).find("big").orElseThrow();
      assertThat(survivor.postmortem().actionItems().size()).isIn(0, 300);
      sawAChurnedVersion |= survivor.postmortem().title().startsWith("Big ");
    }
    assertThat(sawAChurnedVersion).as("some kill came after a completed rewrite").isTrue();
    assertThat(ActionStore.directory(storeDir).findAll()).hasSize(1);
  }

  /** Temp files of rewrites in progress; names only, since a rename may remove one mid-listing. */
  private static long tempFiles(Path storeDir) {
    String[] names = storeDir.resolve("postmortems").toFile().list();
    return names == null ? 0 : java.util.Arrays.stream(names).filter(n -> n.endsWith(".tmp")).count();
  }

  /** Polls the folder, not the clock: returns once a rewrite is (or is no longer) in progress. */
  private static void awaitTempFiles(Path storeDir, Process writer, boolean present) throws IOException {
    for (long polls = 0; writer.isAlive(); polls++) {
      if ((tempFiles(storeDir) > 0) == present) {
        return;
      }
      assertThat(polls).as("a rewrite was seen in progress").isLessThan(5_000_000L);
      Thread.onSpinWait();
    }
    throw new AssertionError("the writer ended before a rewrite was seen");
  }

  private static Process java(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StoreWriterProcess.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void awaitLine(Process p, String expected) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.equals(expected)) {
        return;
      }
    }
    throw new AssertionError("child ended before printing '" + expected + "'");
  }

  private static String output(Process p) {
    try {
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
