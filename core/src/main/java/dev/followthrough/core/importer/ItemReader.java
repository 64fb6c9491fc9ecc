package dev.followthrough.core.importer;

import dev.followthrough.core.importer.Outline.Blank;
import dev.followthrough.core.importer.Outline.Bullet;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.MeasureKind;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketLink;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the entries of a measures or tasks section: bullets, numbered lists, bare lines, {@code
 * Name: description} lines, heading lines with their sub-lines, task lists and action-item
 * tables. Closing prose is left out.
 */
final class ItemReader {
  static final int MAX_HEADING_WORDS = 8;
  static final Pattern NAME_DESCRIPTION = Pattern.compile("^([^:]{2,80}?)\\s*:\\s+(\\S.*)$");

  /** One entry as the document wrote it. */
  record Entry(
      int line, String title, String description, String owner, LocalDate due, Priority priority,
      String type, ItemStatus status, List<TicketLink> tickets, MeasureKind kind, boolean task, String verification,
      String group) {

    Entry withVerification(String criterion) {
      return new Entry(line, title, description, owner, due, priority, type, status, tickets, kind, task, criterion, group);
    }

    Entry retitled(String newTitle, String newDescription) {
      return new Entry(line, newTitle, newDescription, owner, due, priority, type, status, tickets, kind, task,
          verification, group);
    }

    /** Done when nothing said otherwise: under "Immediate fixes:", work already carried out. */
    Entry doneUnlessStated() {
      return status != null ? this : new Entry(line, title, description, owner, due, priority, type, ItemStatus.DONE,
          tickets, kind, task, verification, group);
    }

    /** The entry as one of a group under a heading ("Monitoring Enhancements:"). */
    Entry inGroup(String heading) {
      return new Entry(line, title, description, owner, due, priority, type, status, tickets, kind, task, verification,
          group == null ? heading : group);
    }
  }

  private static final int PARAGRAPH = 160;
  private static final Pattern ONLY_LINK = Pattern.compile("^\\s*<?https?://\\S+>?\\s*$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:\\d{1,2}|[a-z])[.)]\\s+\\S");
  private static final Pattern MARKED_ITEM = Pattern.compile("(?i)^(?:action items?|action|follow-?up|todo|to-?do)\\s*:\\s+(\\S.*)$");
  private static final Pattern NOT_HEADER = Pattern.compile("[^a-z/ ]");

  private final List<Diagnostic> diagnostics;
  private final EntryMaker maker;
  private final ProseItems prose;
  /** The whole section, whose tables a list under a label may explain. */
  private List<Node> section;

  ItemReader(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
    this.maker = new EntryMaker(diagnostics);
    this.prose = new ProseItems(diagnostics, maker);
  }

  List<Entry> read(List<Node> nodes) {
    List<Entry> entries = new ArrayList<>();
    if (section == null) {
      section = nodes;
    }
    // Where a section lists its items, a paragraph in it is prose about them, not an item.
    boolean listed = nodes.stream().anyMatch(n -> n instanceof Bullet || n instanceof Table);
    // Where a section without a list is written as paragraphs, its items are the sentences that promise work.
    boolean inProse = !listed && nodes.stream().noneMatch(n -> n instanceof TextLine t && (isHeading(t.text()) || isNamed(t.text())))
        && nodes.stream().anyMatch(n -> n instanceof TextLine t && isProseParagraph(t.text()));
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      if (node instanceof Outline.SubHeading && HeadingItems.headsParagraphs(nodes, i)) {
        i = HeadingItems.read(nodes, i, maker, entries);
        continue;
      }
      String own = node instanceof TextLine t ? t.text() : node instanceof Bullet b ? b.text() : null;
      var criterion = VerificationLine.criterion(own);
      if (criterion.isPresent() && !entries.isEmpty()) {
        // "Verify: …" on the line after an item belongs to that item.
        entries.set(entries.size() - 1, entries.get(entries.size() - 1).withVerification(criterion.get()));
        continue;
      }
      Matcher marked = own == null || node instanceof Bullet ? null : MARKED_ITEM.matcher(own);
      var labelled = own == null || node instanceof Bullet ? Optional.<StatusLabels.Labelled>empty() : StatusLabels.of(own);
      if (labelled.isPresent()) {
        int next = i + 1 < nodes.size() && nodes.get(i + 1) instanceof Blank ? i + 2 : i + 1;
        boolean told = next < nodes.size() && nodes.get(next) instanceof TextLine t && StatusLabels.reportsDone(t.text());
        i = told ? next : i;
        ItemStatus status = told ? ItemStatus.DONE : labelled.get().status();
        maker.add(entries, node.line(), labelled.get().text() + (status == ItemStatus.IN_PROGRESS ? " (status: in progress)" : ""),
            List.of(), status == ItemStatus.DONE ? Boolean.TRUE : null);
      } else if (marked != null && marked.matches()) {
        // "Action item: Start incidents earlier. …" says what it is, wherever it stands.
        maker.add(entries, node.line(), marked.group(1), List.of(), null);
      } else if (node instanceof Table table) {
        entries.addAll(new TableReader(diagnostics).items(table, true));
      } else if (node instanceof Bullet bullet && Legend.explains(bullet.text(), section)) {
        diagnostics.add(Diagnostic.info(bullet.line(), "explains a value of the table, not an item"));
      } else if (node instanceof Bullet bullet) {
        bullet(bullet, entries);
      } else if (node instanceof TextLine line && inProse
          && (isProseParagraph(line.text()) || Commitments.isSentence(line.text()))) {
        prose.promises(line, entries);
      } else if (node instanceof TextLine line) {
        i = textLine(nodes, i, line, entries, listed);
      }
    }
    return nodes == section ? EntryMaker.distinctNames(entries) : entries;
  }

  private void bullet(Bullet bullet, List<Entry> entries) {
    String text = bullet.text();
    if (text.isBlank()) {
      return;
    }
    // "- We are improving the onboarding guide" opens as prose does, yet promises work: an item.
    boolean promise = text.regionMatches(true, 0, "we ", 0, 3) && Commitments.isCommitment(text);
    if (Wording.isProse(text) && !promise || isIntro(text)) {
      diagnostics.add(Diagnostic.info(bullet.line(), "not an item (introductory or closing prose)"));
      return;
    }
    if (ONLY_LINK.matcher(text).matches()) {
      diagnostics.add(Diagnostic.info(bullet.line(), "a bare link is a reference, not an item"));
      return;
    }
    List<String> sub = new ArrayList<>();
    List<Bullet> nested = new ArrayList<>();
    for (Node child : bullet.children()) {
      if (child instanceof TextLine t) {
        sub.add(t.text());
      } else if (child instanceof Bullet b && b.checked() != null) {
        // A nested task keeps its own box: it is an item of its own.
        nested.add(b);
      } else if (child instanceof Bullet b) {
        sub.add(b.text());
      }
    }
    List<String> content = sub.stream().filter(ItemReader::isContent).toList();
    if (isHeading(text) && content.size() >= 2 && !isNumbered(text)) {
      // "- Monitoring:" over several sub-items groups them; each is an item.
      diagnostics.add(Diagnostic.info(bullet.line(), "'" + stripColon(text) + "' read as a group of items"));
      List<Entry> grouped = new ArrayList<>();
      for (Node child : bullet.children()) {
        if (child instanceof Bullet b) {
          bullet(b, grouped);
        }
      }
      grouped.forEach(e -> entries.add(e.inGroup(stripColon(text))));
      return;
    }
    List<Bullet> plain = bullet.children().stream().filter(c -> c instanceof Bullet b && b.checked() == null)
        .map(Bullet.class::cast).toList();
    // "Tokens in the CI system" under "Audit token usage" names what the audit covers: no step.
    List<Bullet> stepBullets = plain.stream().filter(b -> !ActionVerbs.namesScope(b.text())).toList();
    if (!isHeading(text) && plain.size() >= 2 && !stepBullets.isEmpty() && !isNumbered(text)) {
      // An item with several sub-items: each sub-item is a step of its own, tracked on its own.
      List<String> description = new ArrayList<>(bullet.children().stream().filter(c -> c instanceof TextLine)
          .map(c -> ((TextLine) c).text()).toList());
      plain.stream().filter(b -> !stepBullets.contains(b)).forEach(b -> description.add(b.text()));
      maker.add(entries, bullet.line(), text, description, bullet.checked());
      List<Entry> steps = new ArrayList<>();
      stepBullets.forEach(b -> bullet(b, steps));
      steps.forEach(e -> entries.add(e.inGroup(text)));
    } else {
      maker.add(entries, bullet.line(), stripColon(text), sub, bullet.checked());
    }
    nested.forEach(b -> bullet(b, entries));
  }

  /** A line written as prose: long, several sentences, or opening as prose does ("Going forward…"). */
  static boolean isProseParagraph(String text) {
    return isParagraph(text) || Wording.isProse(text) || Commitments.sentences(text).size() >= 2;
  }

  /** Returns the index of the last node it consumed. */
  private int textLine(List<Node> nodes, int i, TextLine line, List<Entry> entries, boolean listed) {
    String text = line.text();
    if (Wording.isProse(text) || isIntro(text)) {
      diagnostics.add(Diagnostic.info(line.line(), "not an item (introductory or closing prose)"));
      return i;
    }
    List<String> checked = DoneMarker.splitChecked(text);
    if (!checked.isEmpty()) {
      // "Alerting added ✅ Runbook written ✅": one line, several done measures.
      checked.forEach(c -> maker.add(entries, line.line(), c + " ✅", List.of(), null));
      return i;
    }
    if (!isHeading(text)) {
      if (listed || isParagraph(text)) {
        diagnostics.add(Diagnostic.info(line.line(), "paragraph between listed items read as prose, not an item"));
      } else {
        maker.add(entries, line.line(), text, List.of(), null);
      }
      return i;
    }
    List<Node> sub = new ArrayList<>();
    int j = i + 1;
    boolean blank = false;
    while (j < nodes.size()) {
      Node next = nodes.get(j);
      if (next instanceof Blank) {
        blank = true;
      } else if (next instanceof TextLine t && !blank && !(isHeading(t.text()) && t.indent() <= line.indent())) {
        sub.add(t);
      } else if (next instanceof Bullet b && (sub.isEmpty() || sub.get(sub.size() - 1) instanceof Bullet)) {
        // A label's list may follow a blank line (Markdown puts one between a paragraph and a list).
        sub.add(b);
      } else {
        break;
      }
      j++;
    }
    while (j > i + 1 && nodes.get(j - 1) instanceof Blank) {
      j--;
    }
    if (sub.isEmpty()) {
      // A label with nothing under it ("Improvements/Fixes:") groups what follows: not an item.
      diagnostics.add(Diagnostic.info(line.line(), "'" + stripColon(text) + "' read as a label, not an item"));
      return i;
    }
    List<String> texts = sub.stream().map(n -> n instanceof Bullet b ? b.text() : ((TextLine) n).text()).toList();
    if (texts.stream().filter(ItemReader::isContent).count() >= 2 && !isNumbered(text)) {
      // A group heading over several lines: each line is an item of its own.
      diagnostics.add(Diagnostic.info(line.line(), "'" + stripColon(text) + "' read as a group of items"));
      read(sub).forEach(e -> entries.add(e.inGroup(stripColon(text))));
      return j - 1;
    }
    maker.add(entries, line.line(), stripColon(text), texts, null);
    return j - 1;
  }

  /** A bare line longer than any task title: an explanation, not a task someone can pick up. */
  private static boolean isParagraph(String text) {
    if (text.length() <= PARAGRAPH) {
      return false;
    }
    // "Improve Monitoring: Implement … This will …" is a named item however long it runs.
    return !isNamed(text);
  }

  /** "Improve Monitoring: Implement …": an item named before its description. */
  private static boolean isNamed(String text) {
    Matcher named = NAME_DESCRIPTION.matcher(Times.scanned(text));
    return named.matches() && words(named.group(1)) <= MAX_HEADING_WORDS;
  }

  /** A sub-line that says something of its own, not only "Owner: erin" or "Verify: …". */
  private static boolean isContent(String line) {
    return VerificationLine.criterion(line).isEmpty() && !InlineMetadata.of(line).text().isBlank()
        && !SummaryFields.isField(line);
  }

  /** "1. Review Nginx Configuration Files:": a numbered item titled by its line. */
  private static boolean isNumbered(String text) {
    return NUMBERED.matcher(text).find();
  }

  /** "Deployment Process:": a short line that ends with a colon and heads the lines below it. */
  static boolean isHeading(String text) {
    String t = text.strip();
    return t.endsWith(":") && words(t) <= MAX_HEADING_WORDS && !t.substring(0, t.length() - 1).contains(":");
  }

  /** "To prevent this, we will take the following actions:": a sentence introducing a list. */
  private static boolean isIntro(String text) {
    String t = text.strip();
    return t.endsWith(":") && words(t) > MAX_HEADING_WORDS;
  }

  static String stripColon(String text) {
    return Regex.replaceAll(text.strip(), "[:：]+$", "").strip();
  }

  static int words(String text) {
    return Regex.split(text.strip(), "\\s+").length;
  }

  static String normalizedHeader(String header) {
    return NOT_HEADER.matcher(header.toLowerCase(Locale.ROOT)).replaceAll("").strip();
  }
}
