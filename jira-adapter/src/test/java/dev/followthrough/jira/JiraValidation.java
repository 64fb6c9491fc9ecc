package dev.followthrough.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Jira refuses in a create or an edit, field by field. */
final class JiraValidation {
  /** Jira field documentation: a label is at most 255 characters and has no spaces. */
  static final int MAX_LABEL = 255;

  private JiraValidation() {}

  static Map<String, String> create(JsonNode f, String project, boolean cloud, String rejectSummariesContaining) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (!project.equals(f.path("project").path("key").asText())) {
      problems.put("project", "valid project is required");
    }
    if (f.path("issuetype").path("name").asText().isEmpty()) {
      problems.put("issuetype", "Specify an issue type");
    }
    if (f.path("summary").asText().isBlank()) {
      problems.put("summary", "You must specify a summary of the issue.");
    }
    if (rejectSummariesContaining != null && f.path("summary").asText().contains(rejectSummariesContaining)) {
      problems.put("customfield_10020", "Sprint is required for this issue type.");
    }
    problems.putAll(labels(f));
    JsonNode d = f.get("description");
    if (d != null && !d.isNull()) {
      // Cloud v3 takes ADF documents, Data Center v2 wiki-markup strings (TRACKER-APIS.md).
      if (cloud && !(d.isObject() && "doc".equals(d.path("type").asText()))) {
        problems.put("description", "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
      }
      if (!cloud && !d.isTextual()) {
        problems.put("description", "Operation value must be a string");
      }
    }
    return problems;
  }

  static Map<String, String> labels(JsonNode fields) {
    Map<String, String> problems = new LinkedHashMap<>();
    for (JsonNode l : fields.path("labels")) {
      if (l.asText().contains(" ")) {
        problems.put("labels", "The label '" + l.asText() + "' contains spaces which is invalid.");
      } else if (l.asText().length() > MAX_LABEL) {
        problems.put("labels", "The label '" + l.asText() + "' exceeds the 255 character limit.");
      }
    }
    return problems;
  }
}
