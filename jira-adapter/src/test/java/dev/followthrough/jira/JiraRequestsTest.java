package dev.followthrough.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.Priority;
import dev.followthrough.core.tracker.TicketDraft;
import dev.followthrough.core.tracker.TicketField;
import dev.followthrough.core.tracker.TicketState;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request bodies the adapter sends, checked against the shapes of the Jira REST API. */
class JiraRequestsTest {
  JiraFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  static TicketDraft draft(String owner) {
    return new TicketDraft("ft-2025-05-03-webhooks-alert-on-queue-age", "Alert on queue age",
        "Page when the oldest message is older than 5 minutes.\nOwner: Erin", owner, LocalDate.of(2025, 5, 17),
        Priority.P1, List.of("postmortem"), "https://wiki.example.com/pm/2025-05-03", TicketState.OPEN);
  }

  @Test
  void cloudCreateSendsAdfAccountIdLabelsAndTheKeyAsAProperty() {
    fixture = new JiraFixture(true);
    fixture.tracker().users(Map.of("erin", "5b10ac8d82e05b22cc7d4ef5")).build().createAll(List.of(draft("erin")));
    fixture.server.verify(postRequestedFor(urlEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/issue/bulk"))
        .withHeader("Authorization", equalTo("Basic Ym90QGV4YW1wbGUuY29tOnBsYWNlaG9sZGVyLWNsb3VkLXRva2Vu"))
        .withRequestBody(equalToJson("""
            {"issueUpdates": [{
              "fields": {
                "project": {"key": "OPS"},
                "issuetype": {"name": "Task"},
                "summary": "Alert on queue age",
                "description": {"type": "doc", "version": 1, "content": [
                  {"type": "paragraph", "content": [
                    {"type": "text", "text": "Page when the oldest message is older than 5 minutes."},
                    {"type": "hardBreak"},
                    {"type": "text", "text": "Owner: Erin"}]},
                  {"type": "paragraph", "content": [
                    {"type": "text", "text": "Postmortem",
                     "marks": [{"type": "link", "attrs": {"href": "https://wiki.example.com/pm/2025-05-03"}}]}]}]},
                "labels": ["postmortem", "followthrough", "ft-2025-05-03-webhooks-alert-on-queue-age"],
                "duedate": "2025-05-17",
                "priority": {"name": "Highest"},
                "assignee": {"accountId": "5b10ac8d82e05b22cc7d4ef5"}
              },
              "properties": [{"key": "followthrough", "value": {"idempotencyKey": "ft-2025-05-03-webhooks-alert-on-queue-age"}}]
            }]}""")));
    assertThat(fixture.requests("POST", "/issue/OPS-1/remotelink")).as("a create sends the create only").isEmpty();
  }

  @Test
  void theSourceLinkIsARemoteLinkWhoseGlobalIdMakesItSafeToSendAgain() {
    fixture = new JiraFixture(true);
    JiraTracker tracker = fixture.tracker().build();
    String key = tracker.createAll(List.of(draft(null))).get(0).ticket().key();
    tracker.update(key, draft(null), EnumSet.of(TicketField.SOURCE_LINK));
    tracker.update(key, draft(null), EnumSet.of(TicketField.SOURCE_LINK));
    fixture.server.verify(2, postRequestedFor(urlEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/issue/" + key + "/remotelink"))
        .withRequestBody(equalToJson("""
        {"globalId": "followthrough:ft-2025-05-03-webhooks-alert-on-queue-age",
         "object": {"url": "https://wiki.example.com/pm/2025-05-03", "title": "Postmortem"}}""")));
    assertThat(fixture.jira.issues().get(0).path("remotelinks")).hasSize(1);
  }

  @Test
  void dataCenterCreateSendsWikiMarkupUserNameAndBearerToken() {
    fixture = new JiraFixture(false);
    fixture.tracker().users(Map.of("erin", "evasquez")).build().createAll(List.of(draft("erin")));
    fixture.server.verify(postRequestedFor(urlEqualTo(JiraFixture.DC_PATH + "/rest/api/2/issue/bulk"))
        .withHeader("Authorization", equalTo("Bearer placeholder-dc-token"))
        .withRequestBody(equalToJson("""
            {"issueUpdates": [{"fields": {
              "description": "Page when the oldest message is older than 5 minutes.\\nOwner: Erin\\n\\n[Postmortem|https://wiki.example.com/pm/2025-05-03]",
              "assignee": {"name": "evasquez"}}}]}""", true, true)));
  }

  @Test
  void anOwnerIsFoundByUserSearchOncePerRun() {
    fixture = new JiraFixture(true);
    JiraTracker tracker = fixture.tracker().build();
    tracker.createAll(List.of(draft("erin@example.com"), draft("erin@example.com")));
    assertThat(fixture.requests("GET", "/user/search")).hasSize(1);
    assertThat(fixture.jira.issues().get(0).path("fields").path("assignee").path("accountId").asText())
        .isEqualTo("5b10ac8d82e05b22cc7d4ef5");
  }

  @Test
  void anUnknownOwnerLeavesTheTicketUnassigned() {
    fixture = new JiraFixture(true);
    var outcome = fixture.tracker().build().createAll(List.of(draft("nobody-we-know"))).get(0);
    assertThat(outcome.succeeded()).isTrue();
    assertThat(fixture.jira.issues().get(0).path("fields").has("assignee")).isFalse();
    assertThat(outcome.ticket().assignee()).isNull();
  }

  @Test
  void anEditSendsOnlyTheChangedFieldsAndAddsLabels() {
    fixture = new JiraFixture(true);
    JiraTracker tracker = fixture.tracker().build();
    String key = tracker.createAll(List.of(draft(null))).get(0).ticket().key();
    TicketDraft changed = new TicketDraft(draft(null).idempotencyKey(), "Alert on queue age above 5 minutes", null, null,
        null, Priority.P2, List.of("postmortem", "sre"), null, TicketState.OPEN);
    tracker.update(key, changed, EnumSet.of(TicketField.TITLE, TicketField.PRIORITY, TicketField.LABELS));
    fixture.server.verify(putRequestedFor(urlEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/issue/" + key)).withRequestBody(equalToJson("""
        {"fields": {"summary": "Alert on queue age above 5 minutes", "priority": {"name": "High"}},
         "update": {"labels": [{"add": "postmortem"}, {"add": "sre"}, {"add": "followthrough"}, {"add": "ft-2025-05-03-webhooks-alert-on-queue-age"}]}}""")));
  }

  @Test
  void transitionsAreChosenByStatusCategoryNotByName() {
    fixture = new JiraFixture(true, JiraFixture.LAG, JiraWorkflow.WONT_DO_TRANSITION);
    JiraTracker tracker = fixture.tracker().build();
    String key = tracker.createAll(List.of(draft(null))).get(0).ticket().key();
    tracker.transition(key, TicketState.DONE);
    fixture.server.verify(postRequestedFor(urlEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/issue/" + key + "/transitions"))
        .withRequestBody(equalToJson("{\"transition\": {\"id\": \"31\"}}")));
    tracker.transition(key, TicketState.WONT_DO);
    fixture.server.verify(postRequestedFor(urlEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/issue/" + key + "/transitions"))
        .withRequestBody(equalToJson("{\"transition\": {\"id\": \"41\"}}")));
  }

  @Test
  void closingAsWontDoSetsAWontDoResolutionWhereTheScreenHasTheField() {
    fixture = new JiraFixture(true);
    JiraTracker tracker = fixture.tracker().build();
    String key = tracker.createAll(List.of(draft(null))).get(0).ticket().key();
    assertThat(tracker.transition(key, TicketState.WONT_DO).state()).isEqualTo(TicketState.WONT_DO);
    fixture.server.verify(postRequestedFor(urlEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/issue/" + key + "/transitions"))
        .withRequestBody(equalToJson("{\"transition\": {\"id\": \"31\"}, \"fields\": {\"resolution\": {\"name\": \"Won't Do\"}}}")));
    assertThat(fixture.jira.issues().get(0).path("fields").path("resolution").path("name").asText()).isEqualTo("Won't Do");
    assertThat(tracker.transition(key, TicketState.OPEN).state()).isEqualTo(TicketState.OPEN);
    assertThat(tracker.transition(key, TicketState.DONE).state()).isEqualTo(TicketState.DONE);
    assertThat(fixture.jira.issues().get(0).path("fields").path("resolution").path("name").asText()).isEqualTo("Done");
  }

  @Test
  void aTransitionSentAgainAfterItWasAppliedFindsTheTicketWhereItShouldBe() {
    fixture = new JiraFixture(true);
    JiraTracker tracker = fixture.tracker().build();
    String key = tracker.createAll(List.of(draft(null))).get(0).ticket().key();
    tracker.transition(key, TicketState.DONE);
    fixture.resetRequests();
    assertThat(tracker.transition(key, TicketState.DONE).state()).isEqualTo(TicketState.DONE);
    assertThat(fixture.requests("POST", "/issue/" + key + "/transitions")).isEmpty();
  }

  @Test
  void aSiteUrlWithAPathKeepsItsPath() {
    fixture = new JiraFixture(false);
    fixture.tracker().build().findByKeys(List.of("ft-a"));
    assertThat(fixture.server.getAllServeEvents()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.getRequest().getUrl()).startsWith("/jira/rest/api/2/"));
  }

  @Test
  void cloudSearchesUseSearchJqlWithTokensAndDataCenterUsesStartAt() {
    fixture = new JiraFixture(true);
    JiraTracker cloud = fixture.tracker().build();
    cloud.findByKeys(List.of("ft-a", "ft-b"));
    fixture.server.verify(postRequestedFor(urlPathEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/search/jql")).withRequestBody(equalToJson("""
        {"jql": "project = \\"OPS\\" AND labels in (\\"ft-a\\", \\"ft-b\\")", "maxResults": 100}""", true, true)));
    assertThat(fixture.requests("POST", "/search").stream()
        .filter(e -> e.getRequest().getUrl().equals(JiraFixture.CLOUD_PATH + "/rest/api/3/search"))).isEmpty();
    fixture.close();

    fixture = new JiraFixture(false);
    fixture.tracker().build().findByKeys(List.of("ft-a"));
    fixture.server.verify(postRequestedFor(urlPathEqualTo(JiraFixture.DC_PATH + "/rest/api/2/search")).withRequestBody(equalToJson("""
        {"jql": "project = \\"OPS\\" AND labels in (\\"ft-a\\")", "startAt": 0, "maxResults": 100}""", true, true)));
  }

  @Test
  void eachPostmortemGetsOneEpicThatItsTicketsGoUnder() {
    fixture = new JiraFixture(true);
    JiraTracker tracker = fixture.tracker().epicPerPostmortem("Epic").build();
    TicketDraft a = new TicketDraft("ft-pm-a-1", "One", null, null, null, null, List.of(), null, TicketState.OPEN,
        "pm-a", "Disk full");
    TicketDraft b = new TicketDraft("ft-pm-a-2", "Two", null, null, null, null, List.of(), null, TicketState.OPEN,
        "pm-a", "Disk full");
    tracker.createAll(List.of(a, b));
    var issues = fixture.jira.issues();
    assertThat(issues).hasSize(3);
    assertThat(issues.get(0).path("fields").path("summary").asText()).isEqualTo("Postmortem: Disk full");
    String epic = issues.get(0).path("key").asText();
    assertThat(issues.get(1).path("fields").path("parent").path("key").asText()).isEqualTo(epic);
    assertThat(issues.get(2).path("fields").path("parent").path("key").asText()).isEqualTo(epic);

    // A later run (a new tracker object) finds the epic instead of making another.
    fixture.clock.advance(JiraFixture.LAG.plusSeconds(1));
    TicketDraft c = new TicketDraft("ft-pm-a-3", "Three", null, null, null, null, List.of(), null, TicketState.OPEN,
        "pm-a", "Disk full");
    fixture.tracker().epicPerPostmortem("Epic").build().createAll(List.of(c));
    assertThat(fixture.jira.issues()).hasSize(4);
    assertThat(fixture.jira.issues().get(3).path("fields").path("parent").path("key").asText()).isEqualTo(epic);
  }

  @Test
  void aConfiguredParentHoldsEveryTicket() {
    fixture = new JiraFixture(true);
    fixture.tracker().parent("OPS-100").build().createAll(List.of(draft(null)));
    fixture.server.verify(postRequestedFor(urlEqualTo(JiraFixture.CLOUD_PATH + "/rest/api/3/issue/bulk"))
        .withRequestBody(equalToJson("{\"issueUpdates\": [{\"fields\": {\"parent\": {\"key\": \"OPS-100\"}}}]}", true, true)));
  }
}
