package dev.followthrough.core.importer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A follow-up paragraph that states a problem or a wish ("X should …", "It would be useful to …")
 * and ends with a note in brackets on what became of it: {@code (fixed by adding …)}, {@code
 * (added …)} make it done; {@code (filed https://…)} leaves it open with its ticket. The item is the
 * paragraph's first sentence, the observation; the note is its resolution.
 */
final class ResolutionNotes {
  private static final Pattern NOTE = Pattern.compile(
      "^(.*\\S)\\s*\\((fixed|added|done|resolved|implemented|addressed|enabled|created|filed|opened|tracked)\\b([^()]*)\\)\\s*\\.?$",
      Pattern.CASE_INSENSITIVE);
  private static final List<String> STILL_OPEN = List.of("filed", "opened", "tracked");

  /** The observation, whether the note says it was dealt with, and the note itself. */
  record Noted(String observation, boolean done, String note) {}

  private ResolutionNotes() {}

  static Optional<Noted> of(String paragraph) {
    if (!paragraph.endsWith(")") && !paragraph.endsWith(").")) {
      return Optional.empty();
    }
    Matcher m = NOTE.matcher(paragraph.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> sentences = Commitments.sentences(m.group(1));
    String observation = sentences.isEmpty() ? m.group(1) : sentences.get(0);
    String word = m.group(2).toLowerCase(java.util.Locale.ROOT);
    return Optional.of(new Noted(observation, !STILL_OPEN.contains(word), m.group(2) + m.group(3)));
  }
}
