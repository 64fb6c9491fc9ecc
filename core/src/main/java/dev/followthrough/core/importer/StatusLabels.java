package dev.followthrough.core.importer;

import dev.followthrough.core.model.ItemStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paragraphs that open with a label saying what they are: {@code Action point: add an alert…}
 * (open, or done when the next paragraph says "This has been done."), {@code DONE: rotate…},
 * {@code TODO move…}, {@code DOING: review…}.
 */
final class StatusLabels {
  private static final Pattern LABEL = Pattern.compile(
      "^(action points?|action items?|actions? planned|actions? taken|done|todo|to do|doing|in progress)\\s*(?::|\\s(?=[a-z]))\\s*(\\S.*)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REPORTED_DONE = Pattern.compile(
      "^(?:this|that|it) (?:has (?:now |already )?been|was|is (?:now )?) ?(?:done|completed?|fixed|implemented)\\b.*",
      Pattern.CASE_INSENSITIVE);

  /** An item written as a labelled paragraph. */
  record Labelled(String text, ItemStatus status) {}

  private StatusLabels() {}

  static Optional<Labelled> of(String line) {
    char first = line.isEmpty() ? ' ' : Character.toLowerCase(line.charAt(0));
    if ("adti".indexOf(first) < 0) {
      return Optional.empty();
    }
    Matcher m = LABEL.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String label = m.group(1).toLowerCase(Locale.ROOT);
    // Each label also opens sentences ("Doing so would…", "Action items should…"): a label has a
    // colon after it, or is written in capitals ("TODO move…").
    boolean shouted = m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT));
    boolean colon = line.substring(m.end(1)).strip().startsWith(":");
    if (!shouted && !colon) {
      return Optional.empty();
    }
    ItemStatus status = label.equals("done") || label.endsWith("taken") ? ItemStatus.DONE
        : label.equals("doing") || label.equals("in progress") ? ItemStatus.IN_PROGRESS : ItemStatus.OPEN;
    return Optional.of(new Labelled(m.group(2).strip(), status));
  }

  /**
   * "Action point: …", "Action planned: …": a label that names an action, so that the paragraph is
   * one wherever it stands (a bare "TODO:" in a summary is often a note to the writer).
   */
  static boolean namesAction(String line) {
    return line.regionMatches(true, 0, "action", 0, 6) && of(line).isPresent();
  }

  /** "This has been done.": the paragraph after an action point reports it carried out. */
  static boolean reportsDone(String line) {
    return REPORTED_DONE.matcher(line.strip()).matches();
  }
}
