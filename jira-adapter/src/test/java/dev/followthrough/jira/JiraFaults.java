package dev.followthrough.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.followthrough.core.tracker.TrackerFault;
import java.util.function.Supplier;

/** How the Jira simulator answers a request that meets a {@link TrackerFault}. */
final class JiraFaults {
  private JiraFaults() {}

  /**
   * @param work carries out the request and makes its answer
   * @param later schedules the work for after the client gave up
   */
  static ResponseDefinition answer(TrackerFault fault, Supplier<ResponseDefinition> work, int lateMillis, Runnable later) {
    return switch (fault) {
      // Cloud rate limits: 429 with Retry-After in seconds (TRACKER-APIS.md, rate limits).
      case RATE_LIMITED -> aResponse().withStatus(429).withHeader("Retry-After", "7")
          .withHeader("Content-Type", "application/json")
          .withBody("{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}").build();
      case UNAVAILABLE -> aResponse().withStatus(503).withHeader("Content-Type", "application/json")
          .withBody("{\"errorMessages\":[\"Service unavailable\"],\"errors\":{}}").build();
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
