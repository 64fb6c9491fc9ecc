package dev.followthrough.core.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.Postmortem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceDetectorTest {
  private final RecurrenceDetector detector = RecurrenceDetector.standard();

  private static final Postmortem ORDERS_DEADLOCK = postmortem("2025-01-14-orders-deadlock",
      "Orders API errors from database deadlocks",
      "Lock contention on inventory rows ended in deadlocks: the orders API and the reservation job "
          + "updated the same rows in opposite order.",
      "The reservation job now locks rows in SKU order.",
      "Alert on the database's deadlock count", "Lock inventory rows in SKU order everywhere");

  private static final Postmortem LEDGER_DEADLOCK = postmortem("2025-06-09-ledger-stall",
      "Ledger postings stalled in the payments service",
      "Two transactions were waiting on each other: the poster held the account row and waited for "
          + "the ledger row while the settlement job held the ledger row; the database reported a deadlock "
          + "and aborted one of them every few seconds.",
      "Both now take the account row first.",
      "Take account, then ledger locks in every writer");

  private static final Postmortem CERTIFICATE = postmortem("2024-09-30-partner-certificate",
      "Expired certificate on the partner API",
      "The partner API listener used a certificate uploaded by hand that was left out of automatic "
          + "renewal and expired.",
      "A new certificate was issued by the certificate manager.",
      "Alert 21 days before any certificate expires");

  private static final Postmortem SLOW_QUERY = postmortem("2025-12-15-statement-query",
      "Statement generation overloaded the database",
      "The new statement query was missing a JOIN condition between statements and accounts, producing "
          + "a cartesian product; each slow query ran for minutes.",
      "The query was fixed and the job re-run.",
      "Kill reporting queries that run longer than 60 seconds");

  private static final Postmortem DNS = postmortem("2025-01-27-dns-forwarder",
      "Service calls failed after a DNS forwarder change",
      "A change to the DNS resolver configuration dropped the forwarder for the internal zone.",
      "The forwarder was restored and resolver caches flushed.",
      "Test every internal zone before a resolver change ships");

  private static final Postmortem MEMORY_LEAK = postmortem("2025-04-22-renderer-oom",
      "PDF renderer pods OOMKilled",
      "A memory leak in the renderer's font cache grew the pods until the OOM killer stopped them.",
      "The renderer was rolled back.",
      "Share one font cache across documents");

  @Test
  void twoDeadlocksInDifferentServicesAreLinked() {
    List<RecurrenceMatch> matches = detector.matches(LEDGER_DEADLOCK, List.of(ORDERS_DEADLOCK, CERTIFICATE));

    assertThat(matches).singleElement().satisfies(m -> {
      assertThat(m.earlierPostmortemId()).isEqualTo(ORDERS_DEADLOCK.id());
      assertThat(m.score()).isGreaterThanOrEqualTo(detector.threshold()).isLessThanOrEqualTo(1.0);
      assertThat(m.sharedTerms()).first().isEqualTo("deadlock");
    });
  }

  @Test
  void deadlockWordedAsTransactionsWaitingOnEachOtherIsStillADeadlock() {
    Postmortem reworded = postmortem("2025-07-01-invoice-run", "Invoice run stalled",
        "Two transactions were waiting on each other for the account and ledger rows.",
        "The invoice writer now locks the account row first.", "Lock account before ledger");

    assertThat(detector.matches(reworded, List.of(ORDERS_DEADLOCK)))
        .singleElement().satisfies(m -> assertThat(m.sharedTerms()).contains("deadlock"));
  }

  @Test
  void anIncidentLikeManyEarlierOnesIsShownOnlyTheClosestFew() {
    List<Postmortem> earlier = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      earlier.add(postmortem("2025-0" + (i + 1) + "-01-deadlock-" + i, "Orders API errors from database deadlocks",
          "Lock contention on inventory rows ended in deadlocks" + ", again".repeat(i) + ".",
          "The reservation job now locks rows in SKU order.", "Lock inventory rows in SKU order everywhere"));
    }

    List<RecurrenceMatch> matches = detector.matches(ORDERS_DEADLOCK, earlier);

    assertThat(matches).hasSize(RecurrenceDetector.MAX_MATCHES)
        .isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    assertThat(detector.withThreshold(0.0).matches(ORDERS_DEADLOCK, earlier)).hasSize(RecurrenceDetector.MAX_MATCHES);
  }

  @Test
  void certificateExpiryAndMissingJoinAreNotLinked() {
    assertThat(detector.matches(SLOW_QUERY, List.of(CERTIFICATE))).isEmpty();
    assertThat(detector.matches(CERTIFICATE, List.of(SLOW_QUERY))).isEmpty();
  }

  @Test
  void unrelatedPairScoresLow() {
    RecurrenceDetector everything = detector.withThreshold(0.0);

    assertThat(everything.matches(MEMORY_LEAK, List.of(DNS))).singleElement()
        .satisfies(m -> assertThat(m.score()).isLessThan(0.1));
  }

  @Test
  void scoreIsSymmetricAndStable() {
    RecurrenceDetector everything = detector.withThreshold(0.0);
    double forward = everything.matches(LEDGER_DEADLOCK, List.of(ORDERS_DEADLOCK)).get(0).score();
    double backward = everything.matches(ORDERS_DEADLOCK, List.of(LEDGER_DEADLOCK)).get(0).score();

    assertThat(forward).isCloseTo(backward, within(1e-9));
    assertThat(everything.matches(LEDGER_DEADLOCK, List.of(ORDERS_DEADLOCK)).get(0).score()).isEqualTo(forward);
    assertThat(RecurrenceDetector.standard().withThreshold(0.0).matches(LEDGER_DEADLOCK, List.of(ORDERS_DEADLOCK))
        .get(0).score()).isEqualTo(forward);
  }

  @Test
  void orderOfTheEarlierPostmortemsDoesNotChangeTheResult() {
    List<Postmortem> earlier = List.of(ORDERS_DEADLOCK, CERTIFICATE, SLOW_QUERY, DNS, MEMORY_LEAK);
    List<Postmortem> reversed = new ArrayList<>(earlier);
    java.util.Collections.reverse(reversed);

    assertThat(detector.withThreshold(0.0).matches(LEDGER_DEADLOCK, reversed))
        .isEqualTo(detector.withThreshold(0.0).matches(LEDGER_DEADLOCK, earlier));
  }

  @Test
  void matchesComeBestFirstAndOnlyAtOrAboveTheThreshold() {
    List<RecurrenceMatch> all = detector.withThreshold(0.0)
        .matches(LEDGER_DEADLOCK, List.of(CERTIFICATE, ORDERS_DEADLOCK, SLOW_QUERY, DNS));

    assertThat(all).hasSize(4);
    assertThat(all).extracting(RecurrenceMatch::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(all.get(0).earlierPostmortemId()).isEqualTo(ORDERS_DEADLOCK.id());
    assertThat(detector.withThreshold(1.0).matches(LEDGER_DEADLOCK, List.of(ORDERS_DEADLOCK))).isEmpty();
  }

  @Test
  void aPostmortemIsNeverItsOwnRecurrenceAndNothingEarlierMeansNoMatch() {
    assertThat(detector.matches(ORDERS_DEADLOCK, List.of(ORDERS_DEADLOCK))).isEmpty();
    assertThat(detector.matches(ORDERS_DEADLOCK, List.of())).isEmpty();
  }

  @Test
  void sharedTermsReadAsWritten() {
    Postmortem checkout = postmortem("2025-02-03-checkout-pool", "Checkout API exhausted its connection pool",
        "An error path leaked a connection on every failed coupon check until the pool was exhausted.",
        "The release was rolled back.", "Alert when the connection pool is 90% busy");
    Postmortem inventory = postmortem("2025-08-21-inventory-pool", "Inventory service connection pool exhausted",
        "Workers held their connection while calling pricing; the connection pool ran dry.",
        "The pricing call moved outside the transaction.", "Dashboard of connections in use");

    assertThat(detector.matches(inventory, List.of(checkout))).singleElement()
        .satisfies(m -> assertThat(m.sharedTerms()).contains("connection pool"));
  }

  @Test
  void rejectsAThresholdOrScoreOutsideZeroToOne() {
    assertThatThrownBy(() -> detector.withThreshold(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RecurrenceMatch("a", -0.1, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static Postmortem postmortem(String id, String title, String rootCause, String resolution,
      String... items) {
    IncidentSummary incident = new IncidentSummary(null, null, null, null, null, null, null, rootCause, resolution);
    List<ActionItem> actionItems = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      actionItems.add(ActionItem.open("item-" + (i + 1), items[i]));
    }
    return new Postmortem(id, title, null, incident, null, null, actionItems, null, null);
  }
}
