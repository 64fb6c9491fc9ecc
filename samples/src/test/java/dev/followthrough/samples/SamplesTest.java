package dev.followthrough.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The examples run as documented, over the sample postmortems. */
class SamplesTest {
  static final Path POSTMORTEMS = Path.of("postmortems");
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  @Test
  void plainJavaImportsSyncsAndReports() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    var result = PlainJavaExample.run(POSTMORTEMS, AS_OF, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(result.created()).hasSizeGreaterThan(20);
    assertThat(result.failures()).isEmpty();
    assertThat(out).contains("imported 2025-05-03-payment-webhook-backlog-delays-order-confirmations")
        .contains("# Overdue action items as of 2026-11-24");
  }

  @Test
  void guiceWiringUsesTheOverriddenPolicy() {
    var report = GuiceExample.run(POSTMORTEMS, AS_OF);
    assertThat(report.overdue()).isNotEmpty();
  }

  @Test
  void theScheduledServiceRunsAndStops() throws InterruptedException {
    assertThat(ScheduledServiceExample.run(POSTMORTEMS, Duration.ofMillis(50), 3)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void closeVerifyAndSeeRecurrenceOnTheSamples() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    var outcome = EffectivenessExample.run(POSTMORTEMS, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("2026-11-20-category-pages-time-out-after-a-cache-flush likely repeats "
        + "2023-11-08-product-page-cache-stampede").contains("verification PENDING");
    assertThat(outcome.verified().status()).hasToString("OPEN");
    assertThat(outcome.ticketAfterSync()).hasToString("OPEN");
    assertThat(outcome.report().summary().recurrenceRate()).isGreaterThan(0.0);
    assertThat(outcome.report().summary().effectiveRate()).isZero();
  }
}
