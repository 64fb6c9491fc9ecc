package dev.followthrough.core.importer;

import dev.followthrough.core.importer.ItemReader.Entry;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.MeasureKind;
import dev.followthrough.core.model.Priority;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes one {@link Entry} from an item's line and its sub-lines: kind prefix, inline owner, due
 * date, priority, status and ticket, verification criterion, and the title (a name before a
 * colon, else the first sentence) with the rest as description.
 */
final class EntryMaker {
  private static final int MAX_TITLE = 120;
  private static final Pattern KIND_PREFIX =
      Pattern.compile("(?i)^(corrective|prevent(?:at)?ive)\\s*(?:action|measure)?\\s*[:\\-–—]\\s*");

  private final List<Diagnostic> diagnostics;

  EntryMaker(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  void add(List<Entry> entries, int line, String text, List<String> subLines, Boolean checked) {
    MeasureKind kind = null;
    // The prefix starts with "c" or "p" (its (?i) folds ASCII letters only).
    Matcher prefix = startsKind(text) ? KIND_PREFIX.matcher(text) : null;
    if (prefix != null && prefix.find()) {
      kind = prefix.group(1).toLowerCase(Locale.ROOT).startsWith("c") ? MeasureKind.CORRECTIVE : MeasureKind.PREVENTIVE;
      text = text.substring(prefix.end());
    }
    InlineMetadata meta = InlineMetadata.of(text);
    LeadingTags tags = LeadingTags.of(meta.text());
    String body = tags.text();
    String owner = meta.owner() != null ? meta.owner() : tags.owner();
    LocalDate due = meta.due();
    Priority priority = meta.priority();
    String type = meta.type();
    ItemStatus status = meta.status();
    warnUnreadableDue(line, meta);
    List<String> description = new ArrayList<>();
    String verification = null;
    for (String sub : subLines) {
      var criterion = VerificationLine.criterion(sub);
      if (criterion.isPresent()) {
        verification = criterion.get();
        continue;
      }
      InlineMetadata subMeta = InlineMetadata.of(sub);
      warnUnreadableDue(line, subMeta);
      owner = owner == null ? subMeta.owner() : owner;
      due = due == null ? subMeta.due() : due;
      priority = priority == null ? subMeta.priority() : priority;
      type = type == null ? subMeta.type() : type;
      status = status == null ? subMeta.status() : status;
      if (!subMeta.text().isBlank()) {
        description.add(subMeta.text());
      }
    }
    String title = body;
    String detail = null;
    Matcher named = ItemReader.NAME_DESCRIPTION.matcher(Times.scanned(body));
    // After an issue number ("Bug 1587511 - worker-manager: hard kill…") the colon is part of the title.
    if (tags.reference() == null && named.matches() && ItemReader.words(named.group(1)) <= ItemReader.MAX_HEADING_WORDS && !named.group(1).contains("http")) {
      title = named.group(1).strip();
      detail = body.substring(named.start(2)).strip();
    }
    int sentence = detail == null ? Sentences.firstEnd(body) : -1;
    if (sentence > 0) {
      // The first sentence names the item; the sentences after it explain it.
      title = body.substring(0, sentence);
      detail = body.substring(sentence).strip();
    }
    if (title.length() > MAX_TITLE) {
      detail = body;
      title = shorten(body);
    }
    if (detail != null) {
      description.add(0, detail);
    }
    if (tags.reference() != null) {
      description.add(tags.reference());
    }
    title = Regex.replaceAll(ItemReader.stripColon(title), "[.\\s]+$", "");
    if (title.isBlank()) {
      diagnostics.add(Diagnostic.warning(line, "an item without a title was skipped"));
      return;
    }
    if (checked != null) {
      status = checked ? ItemStatus.DONE : (status == null ? ItemStatus.OPEN : status);
    } else if (status == null && (PastTense.isDone(text) || PastTense.namesDoneWork(title))) {
      status = ItemStatus.DONE;
    }
    entries.add(new Entry(line, title, description.isEmpty() ? null : String.join("\n", description),
        owner, due, priority, type, status, meta.tickets(), kind, checked != null, verification, null));
  }

  /**
   * Items that share a name ("Fix the pipeline: add a check…", "Fix the pipeline: switch the
   * context…") are told apart by their first sentence: the name alone does not say which is which.
   */
  static List<Entry> distinctNames(List<Entry> entries) {
    java.util.Map<String, Long> counts = entries.stream()
        .collect(java.util.stream.Collectors.groupingBy(Entry::title, java.util.stream.Collectors.counting()));
    if (counts.values().stream().allMatch(c -> c == 1)) {
      return entries;
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (counts.get(e.title()) > 1 && e.description() != null && e.group() == null) {
        String detail = e.description().split("\n", 2)[0];
        int end = Sentences.firstEnd(detail);
        String first = Regex.replaceAll((end > 0 ? detail.substring(0, end) : detail).strip(), "[.\\s]+$", "");
        String rest = (end > 0 ? detail.substring(end).strip() : "")
            + (e.description().contains("\n") ? "\n" + e.description().split("\n", 2)[1] : "");
        e = e.retitled(shorten(e.title() + ": " + first), rest.isBlank() ? null : rest.strip());
      }
      out.add(e);
    }
    return out;
  }

  private static boolean startsKind(String text) {
    return !text.isEmpty() && "cCpP".indexOf(text.charAt(0)) >= 0;
  }

  private void warnUnreadableDue(int line, InlineMetadata meta) {
    if (meta.dueText() != null && meta.due() == null) {
      diagnostics.add(Diagnostic.warning(line, "due date '" + meta.dueText() + "' is not a date; ignored"));
    }
  }

  /** The first sentence, cut at a word boundary to fit a ticket title. */
  static String shorten(String text) {
    String first = Regex.split(text, "(?<=[.!?])\\s+", 2)[0];
    if (first.length() <= MAX_TITLE) {
      return first;
    }
    int cut = first.lastIndexOf(' ', MAX_TITLE - 1);
    return first.substring(0, cut > 40 ? cut : MAX_TITLE - 1) + "…";
  }

}
