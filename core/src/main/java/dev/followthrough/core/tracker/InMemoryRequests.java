package dev.followthrough.core.tracker;

import dev.followthrough.core.sync.Sleeper;
import dev.followthrough.core.tracker.InMemoryTracker.Call;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The requests an {@link InMemoryTracker} receives: how many of each kind, and the failures and
 * faults tests aim at them. Not thread-safe; the tracker guards it.
 */
final class InMemoryRequests {
  private final String type;
  private final Duration clientWait;
  private final Sleeper clientSleeper;
  private final Map<Call, Integer> calls = new EnumMap<>(Call.class);
  private final Deque<TrackerException> failures = new ArrayDeque<>();
  private final Map<Call, Deque<TrackerException>> failuresOf = new EnumMap<>(Call.class);
  private final Map<Call, Deque<TrackerFault>> faults = new EnumMap<>(Call.class);

  InMemoryRequests(String type, Duration clientWait, Sleeper clientSleeper) {
    this.type = type;
    this.clientWait = clientWait;
    this.clientSleeper = clientSleeper;
  }

  /** Counts a request; throws its injected failure, or returns the fault aimed at it. */
  TrackerFault receive(Call call) {
    calls.merge(call, 1, Integer::sum);
    Deque<TrackerException> specific = failuresOf.get(call);
    TrackerException next = specific == null || specific.isEmpty() ? failures.poll() : specific.poll();
    if (next != null) {
      throw next;
    }
    Deque<TrackerFault> aimed = faults.get(call);
    return aimed == null ? null : aimed.poll();
  }

  /** What the client sees, after waiting for its timeout when no answer comes in time. */
  TrackerException failure(TrackerFault fault) {
    TrackerException seen = fault.failure(type);
    if (seen.kind() == TrackerException.Kind.TIMEOUT && !clientWait.isZero()) {
      try {
        clientSleeper.sleep(clientWait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return seen;
  }

  Duration clientWait() {
    return clientWait;
  }

  void failNext(List<TrackerException> next) {
    failures.addAll(next);
  }

  void failNext(Call call, List<TrackerException> next) {
    failuresOf.computeIfAbsent(call, c -> new ArrayDeque<>()).addAll(next);
  }

  void inject(Call call, TrackerFault fault) {
    faults.computeIfAbsent(call, c -> new ArrayDeque<>()).add(fault);
  }

  int injected(Call call) {
    Deque<TrackerFault> aimed = faults.get(call);
    return aimed == null ? 0 : aimed.size();
  }

  int calls(Call call) {
    return calls.getOrDefault(call, 0);
  }

  void resetCounts() {
    calls.clear();
  }
}
