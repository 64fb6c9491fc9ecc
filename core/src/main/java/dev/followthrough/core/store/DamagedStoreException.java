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

  /** Gathers the damaged records of a whole scan, so that one exception names every one of them. */
  public static final class Collector {
    private final java.util.List<String> files = new java.util.ArrayList<>();
    private String firstDetails;

    public void add(DamagedStoreException e) {
      files.addAll(e.files());
      firstDetails = firstDetails == null ? e.details() : firstDetails;
    }

    /** @throws DamagedStoreException naming every damaged record added, if any */
    public void throwIfAny() {
      if (!files.isEmpty()) {
        throw new DamagedStoreException(files, firstDetails);
      }
    }
  }
}
