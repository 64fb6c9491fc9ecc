package dev.followthrough.core.store;

import java.util.List;

/** One or more store files cannot be read; {@link #files()} names each of them. */
public class DamagedStoreException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final List<String> files;
  private final String details;

  public DamagedStoreException(List<String> files, String details) {
    super(
        (files.size() == 1 ? "store file " + files.get(0) + " is damaged"
            : files.size() + " store files are damaged")
            + ": "
            + details
            + ". Restore it from a backup, or move it away and import its postmortem again.");
    this.files = List.copyOf(files);
    this.details = details;
  }

  /** What is wrong with the (first) damaged file, without the advice around it. */
  public String details() {
    return details;
  }

  public List<String> files() {
    return files;
  }
}
