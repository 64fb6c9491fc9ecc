package dev.followthrough.cli;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * What a command knows of the person at the keyboard: whether one can answer questions, whether a
 * progress bar may be drawn on stderr, and their next line of input. The real one reads the
 * system console; tests run a command with a scripted one through {@link #using}.
 */
final class Terminal {
  /** One line typed, without its line end; {@code null} at the end of input. */
  @FunctionalInterface
  interface Lines {
    String next() throws IOException;
  }

  private static final ThreadLocal<Terminal> SCRIPTED = new ThreadLocal<>();

  private final boolean interactive;
  private final boolean progressBar;
  private final Lines lines;

  Terminal(boolean interactive, boolean progressBar, Lines lines) {
    this.interactive = interactive;
    this.progressBar = progressBar;
    this.lines = lines;
  }

  /** The terminal of this run: the scripted one of a test, or the system console. */
  static Terminal current() {
    Terminal scripted = SCRIPTED.get();
    return scripted != null ? scripted : system();
  }

  /** Runs {@code body} with {@code terminal} as this thread's terminal (tests). */
  static <T> T using(Terminal terminal, Supplier<T> body) {
    Terminal before = SCRIPTED.get();
    SCRIPTED.set(terminal);
    try {
      return body.get();
    } finally {
      SCRIPTED.set(before);
    }
  }

  private static Terminal system() {
    Console console = System.console();
    boolean terminal = isTerminal(console);
    return new Terminal(terminal, ProgressBar.wanted(terminal, System.getenv()),
        () -> console == null ? null : console.readLine());
  }

  /** Java 17 has no console unless stdin and stdout are a terminal; Java 22 and later say so with isTerminal(). */
  private static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** Whether stdin and stdout are a terminal, so that a person can answer questions. */
  boolean interactive() {
    return interactive;
  }

  /** Whether a progress bar may be drawn on stderr (a terminal that did not ask for plain output). */
  boolean progressBar() {
    return progressBar;
  }

  /** The next line typed, or {@code null} when the input has ended. */
  String readLine() {
    try {
      return lines.next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
