package dev.followthrough.tck;

import dev.followthrough.core.tracker.TrackerFault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The faults a WireMock simulator aims at kinds of request, the work it leaves running when a
 * client gave up, and a hook that sees each request once it was carried out. Thread-safe.
 */
public final class AimedFaults {
  private final Clock clock;
  private final Map<RequestKind, Deque<TrackerFault>> aimed = new EnumMap<>(RequestKind.class);
  private final List<Map.Entry<Instant, Runnable>> stillWorking = new ArrayList<>();
  private Duration workTime = Duration.ofSeconds(1);
  private int lateMillis = 4000;
  private IntConsumer afterEach;
  private int requestNumber;

  public AimedFaults(Clock clock) {
    this.clock = clock;
  }

  /** The next request of this kind meets the fault. */
  public synchronized void aim(RequestKind kind, TrackerFault fault) {
    aimed.computeIfAbsent(kind, k -> new ArrayDeque<>()).add(fault);
  }

  /** Whether a fault aimed at this kind has not met a request yet. */
  public synchronized boolean stillAimed(RequestKind kind) {
    Deque<TrackerFault> queue = aimed.get(kind);
    return queue != null && !queue.isEmpty();
  }

  /**
   * Late answers come after {@code lateMillis} (real time, past the client's timeout); work still
   * running when the client gave up takes effect {@code workTime} later by the simulator's clock.
   */
  public synchronized void timing(int lateMillis, Duration workTime) {
    this.lateMillis = lateMillis;
    this.workTime = workTime;
  }

  /**
   * Called with the request's number (from 1) after each request was carried out and before its
   * answer is sent, so that a test can stop the client at exactly that moment; {@code null} stops.
   */
  public synchronized void afterEachRequest(IntConsumer hook) {
    this.afterEach = hook;
    this.requestNumber = 0;
  }

  /** Runs the work left running whose time has come, each at its own time. */
  public synchronized void settle(BiConsumer<Instant, Runnable> runAt) {
    for (Iterator<Map.Entry<Instant, Runnable>> i = stillWorking.iterator(); i.hasNext(); ) {
      var e = i.next();
      if (!e.getKey().isAfter(clock.instant())) {
        i.remove();
        runAt.accept(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * Answers a request of this kind: through its aimed fault if there is one, else by doing the
   * work, then telling the hook.
   */
  public synchronized ResponseDefinition answer(RequestKind kind, Supplier<ResponseDefinition> work,
      Supplier<ResponseDefinition> rateLimited) {
    Deque<TrackerFault> queue = kind == null ? null : aimed.get(kind);
    TrackerFault fault = queue == null ? null : queue.poll();
    if (fault != null) {
      return SimulatedFaults.answer(fault, work, rateLimited, lateMillis,
          () -> stillWorking.add(Map.entry(clock.instant().plus(workTime), work::get)));
    }
    ResponseDefinition answer = work.get();
    if (afterEach != null) {
      afterEach.accept(++requestNumber);
    }
    return answer;
  }
}
