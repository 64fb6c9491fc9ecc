package dev.followthrough.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.config.Secret;
import dev.followthrough.core.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The session cookie and Bearer checks on their own, with a clock the test moves: a cookie ends
 * with its session, is bound to the token that signed it, and no part of the token opens a page.
 */
class AccessGuardTest {
  final TestClock clock = TestClock.at("2026-12-07T12:00:00Z");
  final AccessGuard guard = new AccessGuard(Secret.of("placeholder-serve-token-4567"), clock);

  @Test
  void aSessionCookieStopsOpeningPagesWhenItsSessionEnds() {
    String session = guard.newSession();
    assertThat(guard.validSession(session)).isTrue();
    clock.advance(AccessGuard.SESSION.minusSeconds(1));
    assertThat(guard.validSession(session)).as("one second before the end").isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(guard.validSession(session)).as("at the end of the session").isFalse();
  }

  @Test
  void aCookieSignedUnderAnotherTokenIsRefused() {
    AccessGuard other = new AccessGuard(Secret.of("placeholder-other-token-8910"), clock);
    assertThat(guard.validSession(other.newSession())).isFalse();
    assertThat(other.validSession(guard.newSession())).as("changing the token ends every session").isFalse();
  }

  @Test
  void aCookieWithoutItsSignatureOrWithABadExpiryIsRefused() {
    String session = guard.newSession();
    String expires = session.substring(0, session.indexOf('.'));
    assertThat(guard.validSession(expires)).isFalse();
    assertThat(guard.validSession(expires + ".")).isFalse();
    assertThat(guard.validSession("." + session.substring(session.indexOf('.') + 1))).isFalse();
    assertThat(guard.validSession(session + "0")).isFalse();
    assertThat(guard.validSession(session.substring(0, session.length() - 1))).isFalse();
  }

  @Test
  void onlyTheWholeTokenMatches() {
    String token = "placeholder-serve-token-4567";
    assertThat(guard.matches(token)).isTrue();
    assertThat(guard.matches("")).isFalse();
    assertThat(guard.matches(token.substring(0, token.length() - 1))).isFalse();
    assertThat(guard.matches(token + "7")).isFalse();
    assertThat(guard.matches(token.toUpperCase())).isFalse();
  }
}
