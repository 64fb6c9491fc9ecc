package dev.followthrough.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.importer.PostmortemImporter;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Recurrence;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.StoredPostmortem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Records are written straight from the postmortem, byte for byte as the tree wrote them. */
class RecordCodecTest {
  private final RecordCodec codec = new RecordCodec();

  @Test
  void writesTheSameBytesAsTheTreeForEveryKindOfField() throws IOException {
    List<Postmortem> postmortems = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../samples/postmortems"))) {
      for (Path file : files.sorted().toList()) {
        postmortems.add(PostmortemImporter.create().parse(file).postmortem());
      }
    }
    Postmortem first = postmortems.get(0);
    ActionItem item = first.actionItems().get(0)
        .withTickets(List.of(TicketLink.of("jira", "OPS-1", "https://jira.example.com/browse/OPS-1")))
        .withHistory(List.of(new HistoryEntry(Instant.parse("2025-01-02T03:04:05.678Z"), ChangeOrigin.TRACKER,
            "status", "OPEN", "DONE", null)))
        .withVerification(Verification.pending(LocalDate.parse("2025-02-01"), "no deadlocks for 30 days"));
    postmortems.add(first.withItem(item).withRecurrenceOf(List.of(new Recurrence(postmortems.get(1).id(), 0.512,
        Recurrence.Status.SUSPECTED, List.of("deadlock", "orders API"), Recurrence.EarlierItems.of(postmortems.get(1))))));
    for (Postmortem p : postmortems) {
      StoredPostmortem stored = new StoredPostmortem(p, 7, Instant.parse("2026-12-07T10:00:00.123456Z"));
      byte[] bytes = codec.bytes(stored);
      assertThat(new String(bytes, StandardCharsets.UTF_8)).as(p.id())
          .isEqualTo(new String(codec.bytesThroughTree(stored), StandardCharsets.UTF_8));
      assertThat(codec.parse(Path.of(p.id() + ".json"), bytes)).isEqualTo(stored);
    }
  }
}
