package dev.followthrough.tck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import dev.followthrough.core.tracker.TrackerFault;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.function.Supplier;

/**
 * How a WireMock simulator of a tracker answers a request that meets a {@link TrackerFault}: the
 * status, the reset before or after the work, the late answer, or the work left running.
 */
public final class SimulatedFaults {
  private SimulatedFaults() {}

  /** What a load balancer or reverse proxy sends: HTML, not the tracker's JSON error shape. */
  private static ResponseDefinition gatewayPage(int status, String reason, String retryAfter) {
    ResponseDefinitionBuilder page = aResponse().withStatus(status).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " " + reason
            + "</h1></body></html>");
    return (retryAfter == null ? page : page.withHeader("Retry-After", retryAfter)).build();
  }

  /**
   * @param work carries out the request and makes its answer
   * @param rateLimited the tracker's own rate-limit answer (status, headers, body)
   * @param later schedules the work for after the client gave up
   */
  public static ResponseDefinition answer(TrackerFault fault, Supplier<ResponseDefinition> work,
      Supplier<ResponseDefinition> rateLimited, int lateMillis, Runnable later) {
    return switch (fault) {
      case RATE_LIMITED -> rateLimited.get();
      case UNAVAILABLE -> aResponse().withStatus(503).withHeader("Content-Type", "application/json")
          .withBody("{\"message\":\"Service unavailable\"}").build();
      case FORBIDDEN -> aResponse().withStatus(403).withHeader("Content-Type", "application/json")
          .withBody("{\"message\":\"Forbidden\",\"errorMessages\":[\"You do not have the permission for this.\"]}").build();
      case RESET_BEFORE_APPLIED -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case RESET_AFTER_APPLIED -> {
        work.get();
        yield aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      }
      case LATE_ANSWER -> ResponseDefinitionBuilder.like(work.get()).withFixedDelay(lateMillis).build();
      case STILL_WORKING -> {
        later.run();
        yield aResponse().withStatus(504).withFixedDelay(lateMillis).build();
      }
      // The origin applied the request; what comes back is a gateway's page or an origin that
      // failed after the write (RFC 9110 §15.6: a 5xx says nothing of work already done).
      case APPLIED_THEN_502 -> {
        work.get();
        yield gatewayPage(502, "Bad Gateway", null);
      }
      case APPLIED_THEN_503 -> {
        work.get();
        yield gatewayPage(503, "Service Unavailable", null);
      }
      case APPLIED_THEN_503_RETRY_AFTER -> {
        work.get();
        yield gatewayPage(503, "Service Unavailable", "7");
      }
      case APPLIED_THEN_504 -> {
        work.get();
        yield gatewayPage(504, "Gateway Time-out", null);
      }
      // A success answer cut short on the way back: same status and headers, half a body.
      case APPLIED_THEN_MALFORMED -> {
        ResponseDefinition done = work.get();
        String body = done.getBody() == null ? "" : done.getBody();
        yield ResponseDefinitionBuilder.like(done).withBody(body.substring(0, body.length() / 2) + "{\"").build();
      }
    };
  }
}
