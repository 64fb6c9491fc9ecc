package dev.followthrough.core.model;

import dev.followthrough.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every rule a value breaks so that one exception can report them all. */
final class Problems {
  static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

  private final String subject;
  private final List<String> found = new ArrayList<>();

  Problems(String subject) {
    this.subject = subject;
  }

  Problems notBlank(String field, String value) {
    if (value == null || value.isBlank()) {
      found.add(field + ": must not be blank");
    }
    return this;
  }

  Problems notNull(String field, Object value) {
    if (value == null) {
      found.add(field + ": must be given");
    }
    return this;
  }

  Problems slug(String field, String value) {
    if (value == null || value.isBlank()) {
      found.add(field + ": must not be blank");
    } else if (!SLUG.matcher(value).matches()) {
      found.add(field + ": '" + value + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    return this;
  }

  Problems check(boolean ok, String problem) {
    if (!ok) {
      found.add(problem);
    }
    return this;
  }

  Problems nested(String prefix, Runnable construction) {
    try {
      construction.run();
    } catch (ValidationException e) {
      e.problems().forEach(p -> found.add(prefix + p));
    }
    return this;
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(subject, found);
    }
  }
}
