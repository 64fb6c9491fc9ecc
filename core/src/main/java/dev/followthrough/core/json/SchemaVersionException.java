package dev.followthrough.core.json;

import dev.followthrough.core.FollowthroughException;

/** A file was written in a format version this release does not read. */
public class SchemaVersionException extends FollowthroughException {
  private static final long serialVersionUID = 1L;

  public SchemaVersionException(String where, String found) {
    super(
        where
            + ": schemaVersion "
            + found
            + " is not supported; this release of Followthrough reads schemaVersion "
            + JsonFormat.SCHEMA_VERSION);
  }
}
