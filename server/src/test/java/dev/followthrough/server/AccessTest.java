package dev.followthrough.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.tck.WebhookSender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve.token in front of every route an extension adds; webhooks pass on their signature alone. */
class AccessTest {
  static final Secret TOKEN = Secret.of("placeholder-serve-token-4567");

  /** An extension route that shows the store version, as a dashboard page would. */
  static final ServerRoutes HELLO = context -> context.routes().get("/hello",
      ctx -> ctx.result("postmortems " + context.followthrough().postmortems().size() + " version " + context.storeVersion()));

  @TempDir Path dir;
  ServerFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new ServerFixture(dir, TOKEN, List.of(HELLO));
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void withoutTheTokenEveryPageIs401AndNothingOfTheTokenIsShown() throws Exception {
    HttpResponse<String> answer = f.get("/hello");
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(answer.body()).doesNotContain(TOKEN.reveal()).doesNotContain("postmortems");
    assertThat(f.get("/hello", "Authorization", "Bearer not-the-token").statusCode()).isEqualTo(401);
    assertThat(f.get("/nowhere").statusCode()).isEqualTo(401);
  }

  @Test
  void theBearerTokenOpensExtensionRoutes() throws Exception {
    HttpResponse<String> answer = f.get("/hello", "Authorization", "Bearer " + TOKEN.reveal());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).startsWith("postmortems 1");
  }

  @Test
  void aLoginSetsASignedCookieThatOpensPagesAndAForgedCookieDoesNot() throws Exception {
    assertThat(f.get("/login").body()).contains("<form method=\"post\" action=\"/login\">");
    assertThat(f.post("/login", "application/x-www-form-urlencoded", "token=wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> login = f.post("/login", "application/x-www-form-urlencoded", "token=" + TOKEN.reveal());
    assertThat(login.statusCode()).isEqualTo(303);
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(TOKEN.reveal());
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(f.get("/hello", "Cookie", cookie).statusCode()).isEqualTo(200);

    String value = cookie.substring(cookie.indexOf('=') + 1);
    long expires = Long.parseLong(value.substring(0, value.indexOf('.')));
    String later = AccessGuard.COOKIE + "=" + (expires + 86_400) + value.substring(value.indexOf('.'));
    assertThat(f.get("/hello", "Cookie", later).statusCode()).isEqualTo(401);
    assertThat(f.get("/hello", "Cookie", AccessGuard.COOKIE + "=" + expires + ".00").statusCode()).isEqualTo(401);
  }

  @Test
  void webhooksNeedNoTokenTheirSignatureIsTheCheck() {
    assertThat(f.jira().send(WebhookSender.jiraIssueUpdated(f.key(0), 1L)).status()).isEqualTo(202);
  }

  @Test
  void aBindBeyondLoopbackWithoutATokenIsRefusedBeforeListening() {
    try (Followthrough ft = Followthrough.builder().store(ActionStore.inMemory()).build()) {
      assertThatThrownBy(() -> FollowthroughServer.builder(ft).bind("0.0.0.0", 0).routes(List.of()).build())
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("serve.token");
      assertThat(FollowthroughServer.isLoopback("127.0.0.1")).isTrue();
      assertThat(FollowthroughServer.isLoopback("::1")).isTrue();
      assertThat(FollowthroughServer.isLoopback("0.0.0.0")).isFalse();
    }
  }

  @Test
  void theStoreVersionGrowsWhenTheStoreChanges() throws Exception {
    String auth = "Bearer " + TOKEN.reveal();
    String before = f.get("/hello", "Authorization", auth).body();
    f.tracker.changeState(f.key(0), dev.followthrough.core.tracker.TicketState.DONE);
    f.jira().send(WebhookSender.jiraIssueUpdated(f.key(0), 1L));
    f.nextTurn();
    f.server.storeMayHaveChanged();
    assertThat(f.get("/hello", "Authorization", auth).body()).isNotEqualTo(before);
  }
}
