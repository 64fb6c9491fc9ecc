package dev.followthrough.core.importer;

import dev.followthrough.core.importer.ItemReader.Entry;
import dev.followthrough.core.importer.Outline.Row;
import dev.followthrough.core.importer.Outline.Table;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.MeasureKind;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketLink;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Action-item tables: columns such as Action Item, Type, Owner, Priority, Due, Ticket, Status. */
final class TableReader {
  private static final Pattern PEOPLE_SEPARATOR = Pattern.compile("[,/&]| and ");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>)]+");

  private final List<Diagnostic> diagnostics;

  TableReader(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Whether the table's header names an action-item column. */
  static boolean isActionTable(Table table) {
    return isActionTable(normalized(table.header()));
  }

  private static boolean isActionTable(List<String> h) {
    return find(h, "action item", "action", "task", "item", "follow", "todo", "what") >= 0
        && (find(h, "owner", "assignee", "who", "responsible") >= 0
            || find(h, "due", "deadline", "target", "eta") >= 0
            || find(h, "priority", "prio") >= 0
            || find(h, TicketReferences.COLUMN_NAMES) >= 0
            || find(h, "status", "state", "done") >= 0
            || find(h, "action item", "task") >= 0);
  }

  List<Entry> items(Table table) {
    return items(table, false);
  }

  /**
   * The table's items. In a section that lists actions ({@code listed}), a table without an
   * action column ("Kind | Description") takes its description or measure column as the title.
   */
  List<Entry> items(Table table, boolean listed) {
    // Each header cell is normalised once here, not again for every column looked up.
    List<String> normal = normalized(table.header());
    boolean described = listed && find(normal, "description", "measure", "remediation", "fix", "details") >= 0;
    if (!isActionTable(normal) && !described) {
      diagnostics.add(Diagnostic.warning(table.line(),
          "table without an action item or task column was skipped (columns: " + String.join(", ", table.header()) + ")"));
      return List.of();
    }
    List<String> h = table.header();
    int title = find(normal, "action item", "action", "task", "item", "follow", "todo", "what");
    if (title < 0) {
      title = find(normal, "description", "measure", "remediation", "fix", "details");
    }
    int description = find(normal, "description", "details", "notes");
    if (description == title) {
      description = -1;
    }
    int type = find(normal, "type", "kind", "category");
    int owner = find(normal, "owner", "assignee", "who", "responsible");
    int priority = find(normal, "priority", "prio");
    int due = find(normal, "due", "deadline", "target", "eta");
    int ticket = find(normal, TicketReferences.COLUMN_NAMES);
    int status = find(normal, "status", "state", "done");
    int verification = -1;
    for (int i = 0; i < h.size(); i++) {
      verification = verification < 0 && VerificationLine.isColumn(h.get(i)) ? i : verification;
    }
    List<Entry> entries = new ArrayList<>();
    for (Row row : table.rows()) {
      String text = cell(row, title);
      if (text == null) {
        continue;
      }
      InlineMetadata meta = InlineMetadata.of(text);
      String titleText = Regex.replaceAll(meta.text(), "[.\\s]+$", "");
      if (titleText.isBlank()) {
        diagnostics.add(Diagnostic.warning(row.line(), "table row without an action item text was skipped"));
        continue;
      }
      String detail = cell(row, description);
      if (titleText.length() > 120) {
        detail = detail == null ? titleText : titleText + "\n" + detail;
        titleText = EntryMaker.shorten(titleText);
      }
      String ownerText = cell(row, owner);
      Priority p = priorityOf(cell(row, priority), row.line());
      LocalDate dueDate = dueOf(cell(row, due), row.line());
      ItemStatus s = cell(row, status) == null ? null : Wording.status(cell(row, status)).orElse(null);
      if (cell(row, status) != null && s == null) {
        diagnostics.add(Diagnostic.warning(row.line(), "status '" + cell(row, status) + "' not understood; read as OPEN"));
      }
      String coOwners = ownerText == null ? null : coOwners(ownerText);
      if (coOwners != null) {
        // "charles,olivier,stephane": the first owns the item, the others are kept beside it.
        detail = detail == null ? "Co-owners: " + coOwners : detail + "\nCo-owners: " + coOwners;
      }
      entries.add(new Entry(row.line(), titleText, detail,
          ownerText == null ? meta.owner() : firstPerson(ownerText),
          dueDate == null ? meta.due() : dueDate,
          p == null ? meta.priority() : p,
          cell(row, type) == null ? meta.type() : cell(row, type).toLowerCase(java.util.Locale.ROOT),
          s == null ? meta.status() : s,
          ticketOf(cell(row, ticket)), kindOf(cell(row, type)), true, cell(row, verification), null));
    }
    return entries;
  }

  /** A Kind or Type cell that says "Corrective" or "Preventative". */
  private static MeasureKind kindOf(String cell) {
    String c = cell == null ? "" : cell.strip().toLowerCase(java.util.Locale.ROOT);
    return c.startsWith("corrective") ? MeasureKind.CORRECTIVE
        : c.startsWith("prevent") ? MeasureKind.PREVENTIVE : null;
  }

  private Priority priorityOf(String text, int line) {
    if (text == null) {
      return null;
    }
    Priority p = Priority.parse(text).orElse(null);
    if (p == null) {
      diagnostics.add(Diagnostic.warning(line, "priority '" + text + "' not understood; left empty"));
    }
    return p;
  }

  private LocalDate dueOf(String text, int line) {
    if (text == null) {
      return null;
    }
    LocalDate d = Dates.parseDate(text).orElse(null);
    if (d == null) {
      diagnostics.add(Diagnostic.warning(line, "due date '" + text + "' is not a date; ignored"));
    }
    return d;
  }

  /** The people after the first in an owner cell, joined by ", "; null when there is one. */
  private static String coOwners(String text) {
    String[] people = PEOPLE_SEPARATOR.split(text);
    java.util.List<String> rest = new java.util.ArrayList<>();
    for (int i = 1; i < people.length; i++) {
      String p = people[i].strip();
      if (!p.isEmpty()) {
        rest.add(InlineMetadata.person(Regex.split(p, "\\s+\\(")[0]));
      }
    }
    return rest.isEmpty() ? null : String.join(", ", rest);
  }

  private static String firstPerson(String text) {
    String first = PEOPLE_SEPARATOR.split(text)[0].strip();
    return first.isEmpty() ? null : InlineMetadata.person(Regex.split(first, "\\s+\\(")[0]);
  }

  /**
   * A ticket cell: the reference of every tracker module that recognises it (the cell does not say
   * which tracker it means, so the configured one picks its own at sync), or else any link.
   */
  static List<TicketLink> ticketOf(String text) {
    if (text == null) {
      return List.of();
    }
    List<TicketLink> known = TicketReferences.in(text);
    if (!known.isEmpty()) {
      return known;
    }
    Matcher url = URL.matcher(text);
    return url.find() ? List.of(TicketLink.of("link", url.group(), url.group())) : List.of();
  }

  private static String cell(Row row, int column) {
    if (column < 0 || column >= row.cells().size()) {
      return null;
    }
    String c = row.cells().get(column).strip();
    return c.isEmpty() || c.equals("-") || c.equals("—") || c.equalsIgnoreCase("n/a") ? null : c;
  }

  static int column(List<String> header, String... names) {
    return find(normalized(header), names);
  }

  private static List<String> normalized(List<String> header) {
    return header.stream().map(ItemReader::normalizedHeader).toList();
  }

  /** The first column whose normalised header holds one of the names, tried in order. */
  private static int find(List<String> normal, String... names) {
    for (String name : names) {
      for (int i = 0; i < normal.size(); i++) {
        if (normal.get(i).contains(name)) {
          return i;
        }
      }
    }
    return -1;
  }
}
