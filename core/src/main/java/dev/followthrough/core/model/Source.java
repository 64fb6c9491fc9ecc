package dev.followthrough.core.model;

/**
 * Where a postmortem was read from.
 *
 * @param path the path as given when it was read
 * @param sha256 hex SHA-256 of the document's bytes, to notice when it changed
 */
public record Source(String path, String sha256) {
  public Source {
    new Problems("source").notBlank("path", path).throwIfAny();
  }
}
