package dev.followthrough.cli;

import static dev.followthrough.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.store.StoredPostmortem;
import dev.followthrough.postgres.PostgresSettings;
import dev.followthrough.postgres.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code store copy}: everything a store holds arrives in the other store, and nothing is overwritten. */
class StoreCopyCliTest {
  @TempDir Path dir;

  private static List<Postmortem> contents(ActionStore store) {
    try (store) {
      return store.findAll().stream().map(StoredPostmortem::postmortem).toList();
    }
  }

  @Test
  void directoryToPostgresAndBackKeepsItemsTicketLinksAndHistory() throws Exception {
    ThrowawayPostgres pg = ThrowawayPostgres.shared();
    PostgresSettings settings = pg.settings(pg.createDatabase("copy"));
    Map<String, String> env = Map.of("PGPASS", pg.password().reveal());
    Path source = dir.resolve("source");
    TestTrackerProvider.reset();
    Path sourceConfig = Files.writeString(dir.resolve("source.yaml"),
        "store: " + source + "\ntracker: {type: test-memory, labels: [postmortem]}\n");
    assertThat(run("import", "../samples/postmortems", "--config", sourceConfig.toString()).exit()).isZero();
    CliRunner.Result sync = run("sync", "--config", sourceConfig.toString());
    assertThat(sync.exit()).as(sync.err()).isZero();
    List<Postmortem> original = contents(ActionStore.directory(source));
    assertThat(original).hasSizeGreaterThan(5);
    List<ActionItem> items = original.stream().flatMap(p -> p.actionItems().stream()).toList();
    assertThat(items).allSatisfy(i -> assertThat(i.tickets()).isNotEmpty());
    assertThat(items).anySatisfy(i -> assertThat(i.history()).isNotEmpty());

    Path pgConfig = Files.writeString(dir.resolve("pg.yaml"), """
        store:
          type: postgres
          url: %s
          user: %s
          password: ${PGPASS}
        """.formatted(settings.url(), settings.user()));
    CliRunner.Result there = CliProcess.run(dir, env, "store", "copy", "--store", source.toString(), "--to", pgConfig.toString());
    assertThat(there.exit()).as(there.err()).isZero();
    assertThat(there.out()).contains("Copied " + original.size() + " postmortems (" + items.size() + " action items)")
        .contains("to " + settings.describe());
    assertThat(contents(settings.open())).isEqualTo(original);

    Path back = dir.resolve("back");
    CliRunner.Result home = CliProcess.run(dir, env, "store", "copy", "--config", pgConfig.toString(), "--to", back.toString());
    assertThat(home.exit()).as(home.err()).isZero();
    assertThat(contents(ActionStore.directory(back))).isEqualTo(original);

    CliRunner.Result again = CliProcess.run(dir, env, "store", "copy", "--store", source.toString(), "--to", pgConfig.toString());
    assertThat(again.out()).contains("Copied 0 postmortems").contains(original.size() + " were there already");
    assertThat(there.out() + there.err() + home.out() + home.err() + again.out()).doesNotContain(pg.password().reveal());
  }

  @Test
  void aDifferentPostmortemInTheTargetStopsTheCopyBeforeAnyWrite() throws Exception {
    Path source = dir.resolve("source");
    Path target = dir.resolve("target");
    try (ActionStore from = ActionStore.directory(source); ActionStore into = ActionStore.directory(target)) {
      from.insert(new Postmortem("a", "First", null, null, null, null, List.of(), null, null));
      from.insert(new Postmortem("b", "Second", null, null, null, null, List.of(), null, null));
      into.insert(new Postmortem("b", "Second, edited elsewhere", null, null, null, null, List.of(), null, null));
    }
    CliRunner.Result r = run("store", "copy", "--store", source.toString(), "--to", target.toString());
    assertThat(r.exit()).isEqualTo(FollowthroughCli.WORK_FAILED);
    assertThat(r.err()).contains("already holds different versions of b; nothing was copied");
    assertThat(contents(ActionStore.directory(target))).extracting(Postmortem::id).containsExactly("b");
  }

  @Test
  void theStoreItselfIsNotATarget() {
    Path source = dir.resolve("source");
    CliRunner.Result r = run("store", "copy", "--store", source.toString(), "--to", source.toString());
    assertThat(r.exit()).isEqualTo(FollowthroughCli.BAD_INPUT);
    assertThat(r.err()).contains("the target is the configured store itself");
  }
}
