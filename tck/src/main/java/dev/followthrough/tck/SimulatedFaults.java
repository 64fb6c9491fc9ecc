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
    };
  }
}
