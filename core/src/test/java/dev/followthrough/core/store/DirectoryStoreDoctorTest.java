package dev.followthrough.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.StoreSettings;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.tracker.Check;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor}'s checks of a store directory, each problem planted; the checks never write. */
class DirectoryStoreDoctorTest {
  @TempDir Path dir;

  private List<String> diagnose(Path store) {
    return StoreSettings.directory(store).diagnose().stream()
        .map(c -> c.outcome() + " " + c.name() + ": " + c.detail() + (c.fix() == null ? "" : " / " + c.fix())).toList();
  }

  private Path storeWithOnePostmortem() {
    Path store = dir.resolve("store");
    try (ActionStore s = ActionStore.directory(store)) {
      s.insert(new Postmortem("p1", "Title", null, null, null, null, List.of(), null, null));
    }
    return store;
  }

  @Test
  void aMissingDirectoryWillBeCreatedAndDoctorDoesNotCreateIt() {
    assertThat(diagnose(dir.resolve("new"))).containsExactly("OK store: " + dir.resolve("new") + " will be created by the first import");
    assertThat(dir.resolve("new")).doesNotExist();
  }

  @Test
  void aGoodStoreNamesItsSchemaVersionAndAFreeLock() {
    Path store = storeWithOnePostmortem();
    assertThat(diagnose(store)).containsExactly("OK store format: schema version 1",
        "OK store: " + store + " readable, 1 postmortem(s)", "OK store lock: free");
  }

  @Test
  void aNewerSchemaVersionIsAProblem() throws IOException {
    Path store = storeWithOnePostmortem();
    Files.writeString(store.resolve("store.json"), "{\"schemaVersion\": 2}");
    assertThat(diagnose(store)).containsExactly("PROBLEM store format: " + store.resolve("store.json")
        + " has schema version 2; this release reads 1 / use the release that wrote this store");
  }

  @Test
  void aDirectoryOfOtherFilesIsNotAStore() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThat(diagnose(dir)).singleElement().asString().startsWith("PROBLEM store format: " + dir + " holds other files but no store.json");
  }

  @Test
  void aDamagedRecordIsNamed() throws IOException {
    Path store = storeWithOnePostmortem();
    Files.writeString(store.resolve("postmortems/p1.json"), "{\"schemaVersion\": 1, \"postmortem\": ");
    assertThat(diagnose(store)).anyMatch(l -> l.startsWith("PROBLEM store: ") && l.contains("p1.json"));
  }

  @Test
  void aLockHeldInThisProcessIsNamedWithItsPid() {
    Path store = storeWithOnePostmortem();
    try (ActionStore s = ActionStore.directory(store); ActionStore.RunLock lock = s.tryLockRun().orElseThrow()) {
      assertThat(diagnose(store)).anyMatch(l -> l.startsWith("PROBLEM store lock: held by pid " + ProcessHandle.current().pid())
          && l.contains("this process"));
    }
  }

  @Test
  void aLockHeldByAnotherProcessNamesThatProcessAndIsLeftAsItIs() throws Exception {
    Path store = storeWithOnePostmortem();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The class path through the environment keeps the command line short enough for the kernel to show in full.
    ProcessBuilder builder = new ProcessBuilder(java, RunLockHolder.class.getName(), store.toString()).redirectErrorStream(true);
    builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    Process holder = builder.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");
      byte[] before = Files.readAllBytes(store.resolve(".run.lock"));
      assertThat(diagnose(store)).anyMatch(l -> l.startsWith("PROBLEM store lock: held by pid " + holder.pid())
          && l.contains(RunLockHolder.class.getName()) && l.endsWith("/ wait for the running sync or schedule to finish"));
      assertThat(Files.readAllBytes(store.resolve(".run.lock"))).isEqualTo(before);
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(20, TimeUnit.SECONDS)) {
        holder.destroyForcibly();
      }
    }
    assertThat(diagnose(store)).contains("OK store lock: free");
  }

  @Test
  void aFreeLockIsTriedWithoutRewritingItsFile() throws IOException {
    Path store = storeWithOnePostmortem();
    Path lock = store.resolve(".run.lock");
    Files.writeString(lock, "12345\n");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(lock, old);
    assertThat(diagnose(store)).contains("OK store lock: free");
    assertThat(Files.readString(lock)).isEqualTo("12345\n");
    assertThat(Files.getLastModifiedTime(lock)).isEqualTo(old);
  }

  @Test
  void everyProblemHasAFix() {
    Path store = storeWithOnePostmortem();
    try (ActionStore s = ActionStore.directory(store); ActionStore.RunLock lock = s.tryLockRun().orElseThrow()) {
      assertThat(StoreSettings.directory(store).diagnose()).filteredOn(Check::failed).allSatisfy(c -> assertThat(c.fix()).isNotBlank());
    }
  }
}
