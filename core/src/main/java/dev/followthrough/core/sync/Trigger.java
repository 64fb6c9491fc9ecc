package dev.followthrough.core.sync;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.followthrough.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** When a scheduled sync runs next. */
@FunctionalInterface
public interface Trigger {
  /** The first run time strictly after {@code previous}. */
  Instant next(Instant previous);

  /** Every {@code interval}, counted from the end of the previous wait. */
  static Trigger every(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new ValidationException("schedule", List.of("interval: must be positive, got " + interval));
    }
    return previous -> previous.plus(interval);
  }

  /**
   * A Unix cron expression with five fields (minute hour day-of-month month day-of-week), read in
   * UTC, such as {@code 0 * * * *} for every hour.
   */
  static Trigger cron(String expression) {
    ExecutionTime time;
    try {
      var parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
      time = ExecutionTime.forCron(parser.parse(expression).validate());
    } catch (IllegalArgumentException e) {
      throw new ValidationException("schedule", List.of("cron: '" + expression + "' is not a five-field cron expression ("
          + e.getMessage() + ")"));
    }
    return previous -> time.nextExecution(previous.atZone(ZoneOffset.UTC))
        .map(next -> next.toInstant())
        .orElseThrow(() -> new ValidationException("schedule", List.of("cron: '" + expression + "' never fires again")));
  }
}
