package dev.followthrough.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/{tracker}}: reads the body up to a bound and hands it to that tracker's
 * {@link WebhookIntake}, which answers at once (the re-read is queued). 404 for a tracker with no
 * intake here, 413 for a body over the bound; nothing is recorded for either.
 */
final class WebhookEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

  private final Map<String, WebhookIntake> intakes;
  private final Map<String, String> notConfigured;
  private final int maxBodyBytes;

  /**
   * @param notConfigured for trackers known but without webhooks, why (such as a missing secret)
   */
  WebhookEndpoint(Map<String, WebhookIntake> intakes, Map<String, String> notConfigured, int maxBodyBytes) {
    this.intakes = Map.copyOf(intakes);
    this.notConfigured = Map.copyOf(notConfigured);
    this.maxBodyBytes = maxBodyBytes;
  }

  void handle(Context ctx) {
    String tracker = ctx.pathParam("tracker");
    WebhookIntake intake = intakes.get(tracker);
    if (intake == null) {
      answer(ctx, 404, notConfigured.getOrDefault(tracker, "no tracker '" + tracker + "' is configured here"));
      return;
    }
    String declared = ctx.header("Content-Length");
    if (declared != null && declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > maxBodyBytes) {
      drain(ctx, Long.parseLong(declared.strip()));
      answer(ctx, 413, "the body is over " + maxBodyBytes + " bytes");
      return;
    }
    byte[] body;
    try {
      body = readAtMost(ctx.bodyInputStream(), maxBodyBytes);
    } catch (IOException e) {
      answer(ctx, 400, "the body could not be read");
      return;
    }
    if (body == null) {
      answer(ctx, 413, "the body is over " + maxBodyBytes + " bytes");
      return;
    }
    WebhookIntake.Answer answer = intake.receive(body, name -> Optional.ofNullable(ctx.header(name)));
    LOG.info("webhook {}: {} {}", tracker, answer.outcome().httpStatus(), answer.message());
    answer(ctx, answer.outcome().httpStatus(), answer.message());
  }

  /**
   * Reads and drops a refused body of up to 1 MiB, so that a client still writing it gets the
   * answer rather than a connection closed under it; a larger one is left for Jetty to cut off.
   */
  private static void drain(Context ctx, long declared) {
    if (declared > 1 << 20) {
      return;
    }
    try (InputStream in = ctx.bodyInputStream()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The client went away; there is nobody left to answer.
    }
  }

  /** The body, or {@code null} when it is longer than {@code max}. */
  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    byte[] read = in.readNBytes(max + 1);
    return read.length > max ? null : read;
  }

  private static void answer(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
  }
}
