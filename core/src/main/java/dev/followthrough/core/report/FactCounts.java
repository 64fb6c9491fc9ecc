package dev.followthrough.core.report;

import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.report.OverdueReport.Summary;
import dev.followthrough.core.store.ItemFacts;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** The summary figures of a set of items, counted from their facts. */
final class FactCounts {
  private final LocalDate asOf;
  private long total;
  private long open;
  private long overdue;
  private long done;
  private long wontDo;
  private long onTime;
  private long late;
  private long verified;
  private long verificationOverdue;
  private long effective;
  private long ineffective;
  private final TreeMap<Long, Long> daysToClose = new TreeMap<>();

  FactCounts(LocalDate asOf, Map<ItemFacts, Long> facts) {
    this.asOf = asOf;
    facts.forEach(this::count);
  }

  private void count(ItemFacts f, long n) {
    total += n;
    if (f.status() == ItemStatus.WONT_DO) {
      wontDo += n;
    } else if (f.status() == ItemStatus.DONE) {
      done += n;
      if (f.closedOn() != null && f.dueDate() != null) {
        if (f.closedOn().isAfter(f.dueDate())) {
          late += n;
        } else {
          onTime += n;
        }
      }
      if (f.daysToClose() != null) {
        daysToClose.merge(f.daysToClose(), n, Long::sum);
      }
    } else {
      open += n;
      if (f.isOverdue(asOf)) {
        overdue += n;
      }
    }
    if (f.isVerified()) {
      verified += n;
    } else if (f.isVerificationOverdue(asOf)) {
      verificationOverdue += n;
    }
    if (f.verification() == Verification.State.EFFECTIVE) {
      effective += n;
    } else if (f.verification() == Verification.State.INEFFECTIVE) {
      ineffective += n;
    }
  }

  Summary summary(Double recurrenceRate) {
    long countable = total - wontDo;
    return new Summary(Math.toIntExact(total), Math.toIntExact(open), Math.toIntExact(overdue),
        Math.toIntExact(done), Math.toIntExact(wontDo), Math.toIntExact(onTime), Math.toIntExact(late),
        rate(done, countable), rate(onTime, onTime + late), median(),
        rate(verified, verified + verificationOverdue), rate(effective, effective + ineffective), recurrenceRate);
  }

  /** The median days to close; the mean of the two middle values for an even count. */
  private Double median() {
    long n = daysToClose.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return null;
    }
    Long lower = nth((n - 1) / 2);
    Long upper = nth(n / 2);
    return (lower + upper) / 2.0;
  }

  /** The value at zero-based position {@code index} of the sorted values. */
  private Long nth(long index) {
    long seen = 0;
    for (Map.Entry<Long, Long> e : daysToClose.entrySet()) {
      seen += e.getValue();
      if (index < seen) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("index " + index + " beyond " + seen);
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(part / (double) whole * 1000) / 1000.0;
  }
}
