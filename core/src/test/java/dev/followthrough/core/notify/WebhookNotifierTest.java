package dev.followthrough.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.followthrough.core.config.Secret;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.report.OverdueReport;
import dev.followthrough.core.report.ReportBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {
  HttpServer server;
  final List<String> bodies = new ArrayList<>();
  int status = 200;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/services/T000/B000/placeholdersecret", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  Secret url() {
    return Secret.of("http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/placeholdersecret");
  }

  static OverdueReport report() {
    Postmortem p = new Postmortem("pm", "Disk full", null, null, null, null,
        List.of(ActionItem.open("late", "Alert on disk").withOwner("noor").withDueDate(LocalDate.of(2025, 6, 1))), null, null);
    return new ReportBuilder(LocalDate.of(2025, 7, 1), 7).build(List.of(p));
  }

  @Test
  void postsTheMarkdownReportAsASlackTextPayload() throws IOException {
    NotifyResult r = WebhookNotifier.of(url()).send(report());
    assertThat(r.sent()).isEqualTo(1);
    var payload = JsonFormat.json().parseTree(bodies.get(0), "output");
    assertThat(payload.get("text").asText()).startsWith("# Overdue action items as of 2025-07-01").contains("Alert on disk");
  }

  @Test
  void aFailingWebhookIsReportedWithoutItsSecretPath() {
    status = 500;
    NotifyResult r = WebhookNotifier.of(url()).send(report());
    assertThat(r.failures()).singleElement().asString().contains("webhook at 127.0.0.1 answered 500")
        .doesNotContain("placeholdersecret");
  }

  @Test
  void nothingToSayMeansNoPost() {
    NotifyResult r = WebhookNotifier.of(url()).send(new ReportBuilder(LocalDate.of(2020, 1, 1), 7).build(List.of()));
    assertThat(r.sent()).isZero();
    assertThat(bodies).isEmpty();
  }
}
