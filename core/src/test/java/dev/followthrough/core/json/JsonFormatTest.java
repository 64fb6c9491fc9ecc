package dev.followthrough.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.followthrough.core.ValidationException;
import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.MeasureCategory;
import dev.followthrough.core.model.MeasureKind;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Source;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.TimelineEntry;
import dev.followthrough.core.model.TimelineKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
  static Postmortem fullPostmortem() {
    Instant start = Instant.parse("2025-05-03T14:05:00Z");
    ActionItem item = new ActionItem("alert-on-queue-age", "Alert on queue age", "Page when older than 5 min",
        "erin", LocalDate.of(2025, 5, 17), Priority.P1, ItemStatus.IN_PROGRESS, "detect", "m1",
        List.of(new TicketLink("jira", "OPS-12", "https://example.atlassian.net/browse/OPS-12",
            Instant.parse("2025-05-04T10:00:00Z"), Map.of("title", "Alert on queue age"))),
        List.of(new HistoryEntry(Instant.parse("2025-05-04T10:00:00Z"), ChangeOrigin.TRACKER, "status",
            "OPEN", "IN_PROGRESS", "erin")), false, "No backlog alert for 30 days");
    return new Postmortem("2025-05-03-webhook-backlog", "Webhook backlog", "SEV2",
        new IncidentSummary(null, start, Instant.parse("2025-05-03T18:40:00Z"), null, "Summary", "12% of checkouts",
            12.0, "Blocking index build", "Cancelled it"),
        List.of(new TimelineEntry(start, TimelineKind.DETECTION, "Alert fires"),
            new TimelineEntry(null, TimelineKind.OTHER, "Unknown time")),
        List.of(new Measure("m1", MeasureKind.PREVENTIVE, MeasureCategory.MONITORING, "Queue alerting", null)),
        List.of(item, ActionItem.open("write-runbook", "Write runbook")),
        Map.of("Lessons learned", "Watch our own queue"),
        new Source("samples/x.md", "abc"));
  }

  @Test
  void roundTripIsLossless() {
    ParseResult original = new ParseResult(fullPostmortem(), List.of(Diagnostic.warning(14, "guessed")));
    String json = JsonFormat.json().write(original);
    assertThat(JsonFormat.json().read(json, "x.json")).isEqualTo(original);
  }

  @Test
  void yamlRoundTripIsLosslessToo() {
    ParseResult original = new ParseResult(fullPostmortem(), List.of());
    String yaml = JsonFormat.yaml().write(JsonFormat.yaml().tree(original));
    assertThat(JsonFormat.yaml().read(yaml, "x.yaml")).isEqualTo(original);
  }

  @Test
  void unknownValuesAreWrittenAsNullNeverOmitted() {
    ParseResult result = new ParseResult(new Postmortem("p", "T", null, null, null, null,
        List.of(ActionItem.open("a", "Do it")), null, null), List.of());
    var tree = JsonFormat.json().tree(result);
    assertThat(tree.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(tree.has("severity")).isTrue();
    assertThat(tree.get("severity").isNull()).isTrue();
    assertThat(tree.get("incident").get("impactPercent").isNull()).isTrue();
    var item = tree.get("actionItems").get(0);
    for (String field : List.of("owner", "dueDate", "priority", "type", "description", "verificationCriterion")) {
      assertThat(item.has(field)).as(field).isTrue();
      assertThat(item.get(field).isNull()).as(field).isTrue();
    }
    assertThat(item.get("tickets").isArray()).isTrue();
  }

  @Test
  void anotherSchemaVersionIsRefusedClearly() {
    assertThatThrownBy(() -> JsonFormat.json().read("{\"schemaVersion\": 2, \"id\": \"p\", \"title\": \"T\"}", "old.json"))
        .isInstanceOf(SchemaVersionException.class)
        .hasMessage("old.json: schemaVersion 2 is not supported; this release of Followthrough reads schemaVersion 1");
  }

  @Test
  void everyProblemInADocumentIsReportedAtOnceWithItsPath() {
    String json = """
        {"schemaVersion": 1, "id": "p", "title": "T",
         "incident": {"start": "2025-05-03T14:00:00Z", "end": "2025-05-03T13:00:00Z", "impactPercent": 140},
         "actionItems": [
           {"id": "a", "title": "", "status": "OPEN"},
           {"id": "b", "title": "B", "status": "OPEN", "priority": "P9"},
           {"id": "c", "title": "C", "status": "OPEN", "colour": "red"},
           {"id": "d", "title": "D", "status": "SOMEDAY"}
         ]}
        """;
    ValidationException e = (ValidationException) catchThrowable(() -> JsonFormat.json().read(json, "bad.json"));
    assertThat(e.problems()).contains(
        "actionItems[0].title: must not be blank",
        "incident.impactPercent: 140.0 is outside 0 to 100");
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("actionItems[1].priority: unknown value 'P9'"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("actionItems[2]").contains("'colour'"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("actionItems[3].status: unknown value 'SOMEDAY'"));
    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("incident.end:"));
    assertThat(e.getMessage()).startsWith("invalid postmortem in bad.json");
  }

  @Test
  void malformedJsonNamesTheInputAndPosition() {
    assertThatThrownBy(() -> JsonFormat.json().read("{\"schemaVersion\": 1,\n \"id\": ", "broken.json"))
        .hasMessageStartingWith("broken.json:2:");
  }
}
