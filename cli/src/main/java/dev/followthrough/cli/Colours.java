package dev.followthrough.cli;

import java.util.Map;

/**
 * ANSI colours for a person at a terminal only: never in files or pipes, and never when
 * {@code NO_COLOR} is set to anything (no-color.org) or the terminal is {@code dumb}.
 */
record Colours(boolean enabled) {
  static Colours forStdout() {
    return new Colours(decide(System.console() != null, System.getenv()));
  }

  /** The decision, apart from the real terminal so that tests can cover it. */
  static boolean decide(boolean terminal, Map<String, String> environment) {
    return terminal && !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"));
  }

  String red(String text) {
    return paint("31", text);
  }

  String green(String text) {
    return paint("32", text);
  }

  private String paint(String code, String text) {
    return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
