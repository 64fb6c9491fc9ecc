package dev.followthrough.jira;

/** Where Jira runs; the REST version, authentication, user ids and description format differ. */
public enum JiraDeployment {
  /** Jira Cloud: REST v3, e-mail and API token, accountId, ADF descriptions, {@code /search/jql}. */
  CLOUD("/rest/api/3"),
  /** Jira Data Center: REST v2, personal access token, username, wiki markup, {@code /search}. */
  DATA_CENTER("/rest/api/2");

  private final String apiPath;

  JiraDeployment(String apiPath) {
    this.apiPath = apiPath;
  }

  String apiPath() {
    return apiPath;
  }
}
