package dev.followthrough.server;

/** The sign-in form {@code GET /login} shows when a token is configured. */
final class LoginPage {
  static final String FORM = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>Followthrough: sign in</title></head>
      <body><main>
      <h1>Followthrough</h1>
      <form method="post" action="/login">
      <label>Token (serve.token) <input type="password" name="token" autocomplete="current-password" required></label>
      <button type="submit">Sign in</button>
      </form>
      </main></body></html>
      """;

  private LoginPage() {}
}
