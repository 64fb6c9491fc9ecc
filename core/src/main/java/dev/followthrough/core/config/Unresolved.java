package dev.followthrough.core.config;

import java.util.List;

/**
 * A section that names an environment variable which is not set, kept so that only the commands
 * that use the section fail: {@code report} without {@code --notify} does not need the chat
 * webhook's variable, nor {@code sync} the server's token.
 *
 * @param file the configuration file, for the error
 * @param problems one per variable not set, naming the keys and never a value
 */
public record Unresolved(String file, List<String> problems) {
  public Unresolved {
    problems = List.copyOf(problems);
  }

  /** Throws the section's problems, for a command that is about to use it. */
  public void fail() {
    throw new ConfigException(file, problems);
  }
}
