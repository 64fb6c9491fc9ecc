package dev.followthrough.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.store.ActionStore;
import dev.followthrough.core.tracker.TrackerProvider;
import dev.followthrough.core.tracker.WebhookHeaders;
import dev.followthrough.core.tracker.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * GitHub deliveries, signed as GitHub signs them ("Validating webhook deliveries"), through the
 * GitHub module's own receiver found by its provider: forged and replayed ones queue nothing.
 */
class WebhookIntakeTest {
  static final Secret SECRET = Secret.of("placeholder-webhook-secret-0123");
  final ActionStore store = ActionStore.inMemory();
  final List<List<String>> queued = new ArrayList<>();
  final WebhookIntake intake = new WebhookIntake(githubReceiver(), SECRET, store,
      Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC), queued::add);

  static WebhookReceiver githubReceiver() {
    TrackerProvider github = TrackerProvider.forType("github").orElseThrow();
    // The provider reads its own settings type; a section read from YAML gives it.
    var section = dev.followthrough.core.config.FollowthroughConfig.parse(
        "tracker: {type: github, repository: acme/ops, token: placeholder}", "test.yaml", n -> null);
    return github.webhooks(section.tracker()).orElseThrow();
  }

  static byte[] closed(int number) {
    return ("{\"action\": \"closed\", \"issue\": {\"number\": " + number + "}, \"repository\": {\"full_name\": \"acme/ops\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static String sign(byte[] body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  static WebhookHeaders headers(String delivery, String signature) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.put("X-GitHub-Event", "issues");
    map.put("X-GitHub-Delivery", delivery);
    map.put("X-Hub-Signature-256", signature);
    return name -> Optional.ofNullable(map.get(name));
  }

  @Test
  void aSignedDeliveryQueuesItsIssueOnce() throws Exception {
    byte[] body = closed(42);
    var first = intake.receive(body, headers("d-1", sign(body, SECRET.reveal())));
    assertThat(first.outcome()).isEqualTo(WebhookIntake.Outcome.ACCEPTED);
    assertThat(first.outcome().httpStatus()).isEqualTo(202);
    var again = intake.receive(body, headers("d-1", sign(body, SECRET.reveal())));
    assertThat(again.outcome()).isEqualTo(WebhookIntake.Outcome.DUPLICATE);
    assertThat(queued).containsExactly(List.of("42"));
  }

  @Test
  void aForgedDeliveryQueuesNothingAndLeavesItsIdToTheRealOne() throws Exception {
    byte[] body = closed(42);
    var forged = intake.receive(body, headers("d-2", sign(body, "someone-elses-secret-value")));
    assertThat(forged.outcome()).isEqualTo(WebhookIntake.Outcome.UNAUTHORIZED);
    assertThat(forged.outcome().httpStatus()).isEqualTo(401);
    assertThat(queued).isEmpty();
    assertThat(intake.receive(body, headers("d-2", sign(body, SECRET.reveal()))).outcome())
        .isEqualTo(WebhookIntake.Outcome.ACCEPTED);
    assertThat(queued).containsExactly(List.of("42"));
  }

  @Test
  void outOfOrderDeliveriesEachQueueTheirIssue() throws Exception {
    byte[] later = closed(7);
    byte[] earlier = closed(8);
    intake.receive(later, headers("d-4", sign(later, SECRET.reveal())));
    intake.receive(earlier, headers("d-3", sign(earlier, SECRET.reveal())));
    assertThat(queued).containsExactly(List.of("7"), List.of("8"));
  }
}
