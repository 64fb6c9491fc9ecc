package dev.followthrough.core.config;

import dev.followthrough.core.ValidationException;
import java.util.List;

/** The configuration file is unreadable or invalid; every problem is listed with its key. */
public class ConfigException extends ValidationException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String file, List<String> problems) {
    super("configuration " + file, problems);
  }
}
