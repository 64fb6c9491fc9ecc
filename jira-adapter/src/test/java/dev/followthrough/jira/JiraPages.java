package dev.followthrough.jira;

import static dev.followthrough.jira.JiraIssueStore.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Search result pages: Cloud's {@code /search/jql} pages by {@code nextPageToken} (null on the last
 * page, no {@code total}); Data Center's {@code /search} by {@code startAt} with a {@code total}
 * (TRACKER-APIS.md).
 */
final class JiraPages {
  private JiraPages() {}

  static ObjectNode page(List<ObjectNode> matches, JsonNode request, boolean cloud) {
    int max = Math.min(request.path("maxResults").asInt(50), cloud ? 5000 : 1000);
    int start = cloud ? (request.hasNonNull("nextPageToken") ? Integer.parseInt(request.get("nextPageToken").asText()) : 0)
        : request.path("startAt").asInt(0);
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode page = answer.putArray("issues");
    for (int i = start; i < Math.min(matches.size(), start + max); i++) {
      page.add(matches.get(i));
    }
    boolean last = start + max >= matches.size();
    if (cloud) {
      answer.put("isLast", last);
      if (last) {
        answer.putNull("nextPageToken");
      } else {
        answer.put("nextPageToken", String.valueOf(start + max));
      }
    } else {
      answer.put("startAt", start).put("maxResults", max).put("total", matches.size());
    }
    return answer;
  }
}
