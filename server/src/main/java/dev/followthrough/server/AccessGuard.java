package dev.followthrough.server;

import dev.followthrough.core.config.Secret;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code serve.token} check in front of every route but the webhooks (which their signature
 * guards) and the login: a request passes with {@code Authorization: Bearer TOKEN}, or with the
 * cookie {@code POST /login} sets, which holds its expiry and an HMAC-SHA256 of it keyed by the
 * token (so changing the token ends every session). Comparisons are in constant time; the token is
 * never written to an answer or a log. Without a token everything passes: the server then only
 * listens on a loopback address.
 */
final class AccessGuard {
  static final String COOKIE = "followthrough_session";
  static final Duration SESSION = Duration.ofHours(12);

  private final Secret token;
  private final Clock clock;

  AccessGuard(Secret token, Clock clock) {
    this.token = token;
    this.clock = clock;
  }

  boolean required() {
    return token != null;
  }

  /** Whether the request may reach its route. */
  boolean allows(Context ctx) {
    String path = ctx.path();
    if (token == null || path.startsWith("/webhooks/") || path.equals("/login")) {
      return true;
    }
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && matches(auth.substring(7).strip())) {
      return true;
    }
    String cookie = ctx.cookie(COOKIE);
    return cookie != null && validSession(cookie);
  }

  /** Whether {@code presented} is the token; both are hashed first so that their lengths do not show. */
  boolean matches(String presented) {
    return MessageDigest.isEqual(sha256(presented), sha256(token.reveal()));
  }

  /** A session cookie value, valid for {@link #SESSION}. */
  String newSession() {
    long expires = clock.instant().plus(SESSION).getEpochSecond();
    return expires + "." + mac(Long.toString(expires));
  }

  boolean validSession(String value) {
    int dot = value.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    String expires = value.substring(0, dot);
    if (!MessageDigest.isEqual(value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
        mac(expires).getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    try {
      return Long.parseLong(expires) > clock.instant().getEpochSecond();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The {@code Set-Cookie} value for a new session: not readable by scripts, sent only by this site. */
  String sessionCookie() {
    return COOKIE + "=" + newSession() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + SESSION.toSeconds();
  }

  private String mac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(("followthrough-session:" + token.reveal()).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
