package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketKeys;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketSnapshot;
import dev.followthrough.core.tracker.TicketState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Maps drafts to Jira fields and Jira issues to snapshots, for Cloud (ADF) and Data Center (wiki). */
final class JiraFields {
  /** The fields a search asks for: enough for a snapshot, nothing more. */
  /**
   * The label every Followthrough issue carries, so that one JQL search can list those changed
   * since an instant (the idempotency keys are one label per issue).
   */
  static final String MARKER = "followthrough";

  static final List<String> READ = List.of("summary", "description", "status", "resolution", "assignee", "duedate",
      "priority", "labels", "updated");
  static final Map<Priority, String> DEFAULT_PRIORITIES =
      Map.of(Priority.P1, "Highest", Priority.P2, "High", Priority.P3, "Medium", Priority.P4, "Low");
  private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private final JiraDeployment deployment;
  private final Map<Priority, String> priorities;

  JiraFields(JiraDeployment deployment, Map<Priority, String> priorities) {
    this.deployment = deployment;
    this.priorities = new EnumMap<>(DEFAULT_PRIORITIES);
    this.priorities.putAll(priorities);
  }

  String priorityName(Priority p) {
    return priorities.get(p);
  }

  /** The description in the deployment's format, with a link back to the postmortem. */
  JsonNode description(TicketDraft d) {
    String text = d.description() == null ? "" : d.description();
    String link = isUrl(d.sourceUrl()) ? d.sourceUrl() : null;
    if (deployment == JiraDeployment.DATA_CENTER) {
      String wiki = text.replace("[", "\\[").replace("]", "\\]");
      return JiraClient.json().getNodeFactory().textNode(link == null ? wiki : wiki + "\n\n[Postmortem|" + link + "]");
    }
    return Adf.document(text, link);
  }

  static boolean isUrl(String s) {
    return s != null && (s.startsWith("https://") || s.startsWith("http://"));
  }

  /** Reads a description back as plain text, so syncs compare like with like. */
  String descriptionText(JsonNode description) {
    if (description == null || description.isNull()) {
      return null;
    }
    String text = description.isTextual() ? description.asText().replace("\\[", "[").replace("\\]", "]")
        .replaceAll("\n\n\\[Postmortem\\|[^]]*]$", "") : Adf.text(description);
    return text.isBlank() ? null : text;
  }

  TicketSnapshot snapshot(JsonNode issue, JiraUsers users, Set<String> wantedKeys) {
    JsonNode f = issue.path("fields");
    List<String> labels = new ArrayList<>();
    f.path("labels").forEach(l -> labels.add(l.asText()));
    String idempotencyKey = wantedKeys == null || wantedKeys.isEmpty() ? TicketKeys.pick(labels)
        : labels.stream().filter(wantedKeys::contains).findFirst().orElse(TicketKeys.pick(labels));
    String key = issue.path("key").asText();
    String updated = text(f, "updated");
    if (!labels.contains(MARKER)) {
      // An issue made before the marker label: shown without its key label, so the next sync
      // adds its labels again, the marker with them, and the change search finds it from then on.
      labels.remove(idempotencyKey);
    }
    return new TicketSnapshot(key, browseUrl(key, issue), idempotencyKey, text(f, "summary"),
        descriptionText(f.get("description")), state(f), users.ownerOf(f.get("assignee")),
        date(text(f, "duedate")), priority(f.path("priority").path("name").asText(null)), labels,
        instant(updated), updated);
  }

  private String browseUrl(String key, JsonNode issue) {
    String self = issue.path("self").asText("");
    int api = self.indexOf("/rest/api/");
    return api > 0 ? self.substring(0, api) + "/browse/" + key : null;
  }

  /** Status category decides; a done issue resolved as won't do, duplicate or declined is WONT_DO. */
  static TicketState state(JsonNode fields) {
    String category = fields.path("status").path("statusCategory").path("key").asText("new");
    return switch (category) {
      case "done" -> wontDo(fields.path("resolution").path("name").asText("")) ? TicketState.WONT_DO : TicketState.DONE;
      case "indeterminate" -> TicketState.IN_PROGRESS;
      default -> TicketState.OPEN;
    };
  }

  static boolean wontDo(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace('’', '\'');
    return n.contains("won't") || n.contains("wont") || n.contains("not do") || n.contains("declin")
        || n.contains("cancel") || n.contains("duplicate") || n.contains("reject") || n.contains("obsolete");
  }

  Priority priority(String name) {
    if (name == null) {
      return null;
    }
    for (var e : priorities.entrySet()) {
      if (e.getValue().equalsIgnoreCase(name)) {
        return e.getKey();
      }
    }
    return Priority.parse(name).orElse(null);
  }

  /** Labels to send: the configured ones and the idempotency key. */
  static List<String> labels(TicketDraft d) {
    Set<String> labels = new LinkedHashSet<>(d.labels());
    labels.add(MARKER);
    labels.add(d.idempotencyKey());
    return List.copyOf(labels);
  }

  static ArrayNode labelsNode(TicketDraft d) {
    ArrayNode array = JiraClient.json().createArrayNode();
    labels(d).forEach(array::add);
    return array;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, JIRA_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  /** Atlassian Document Format: paragraphs of text nodes, line breaks, and link marks. */
  static final class Adf {
    private Adf() {}

    static ObjectNode document(String text, String link) {
      ObjectNode doc = JiraClient.object();
      doc.put("type", "doc");
      doc.put("version", 1);
      ArrayNode content = doc.putArray("content");
      for (String paragraph : text.split("\n\\s*\n")) {
        if (paragraph.isBlank()) {
          continue;
        }
        ObjectNode p = content.addObject();
        p.put("type", "paragraph");
        ArrayNode inline = p.putArray("content");
        String[] lines = paragraph.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
          if (i > 0) {
            inline.addObject().put("type", "hardBreak");
          }
          if (!lines[i].isEmpty()) {
            // ADF refuses empty text nodes.
            inline.addObject().put("type", "text").put("text", lines[i]);
          }
        }
      }
      if (link != null) {
        ObjectNode p = content.addObject();
        p.put("type", "paragraph");
        ObjectNode t = p.putArray("content").addObject();
        t.put("type", "text").put("text", "Postmortem");
        ObjectNode mark = t.putArray("marks").addObject();
        mark.put("type", "link");
        mark.putObject("attrs").put("href", link);
      }
      return doc;
    }

    /** Plain text of a document, leaving out the trailing link paragraph this adapter adds. */
    static String text(JsonNode doc) {
      List<String> paragraphs = new ArrayList<>();
      for (JsonNode block : doc.path("content")) {
        StringBuilder p = new StringBuilder();
        boolean onlyLink = true;
        for (JsonNode inline : block.path("content")) {
          if (inline.path("type").asText().equals("hardBreak")) {
            p.append('\n');
            onlyLink = false;
          } else if (inline.has("text")) {
            p.append(inline.get("text").asText());
            boolean link = false;
            for (JsonNode mark : inline.path("marks")) {
              link |= mark.path("type").asText().equals("link");
            }
            onlyLink &= link;
          }
        }
        if (!(onlyLink && p.toString().equals("Postmortem"))) {
          paragraphs.add(p.toString());
        }
      }
      return String.join("\n\n", paragraphs);
    }
  }
}
