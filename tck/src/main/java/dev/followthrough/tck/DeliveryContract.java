package dev.followthrough.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.store.ActionStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every store must do with webhook delivery ids, so that a redelivered event is dropped by
 * any process sharing the store; part of {@link StoreContractKit}.
 */
public interface DeliveryContract {

  /** The store under test. */
  ActionStore storeUnderTest();

  /** A second handle on the same store, as another process would open it. */
  ActionStore secondHandle() throws Exception;

  @Test
  default void aWebhookDeliveryIsRecordedOnceAndForgottenAfterItsRetention() throws Exception {
    ActionStore store = storeUnderTest();
    Duration week = Duration.ofDays(7);
    assertThat(store.recordDelivery("github", "d-1", Instant.EPOCH, week)).isTrue();
    assertThat(store.recordDelivery("jira", "d-1", Instant.EPOCH, week)).as("ids are kept per source").isTrue();
    try (ActionStore other = secondHandle()) {
      assertThat(other.recordDelivery("github", "d-1", Instant.EPOCH.plusSeconds(60), week)).as("a redelivery").isFalse();
    }
    assertThat(store.recordDelivery("github", "d-1", Instant.EPOCH.plus(week).plusSeconds(1), week)).as("past retention").isTrue();
  }
}
