package dev.followthrough.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.ItemFacts;
import dev.followthrough.core.store.QualityCount;
import dev.followthrough.core.store.ReportSelection;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the facts file keeps of one postmortem record: the stamp of the record file it was taken
 * from, the postmortem without its items, and for each item its counted {@link ItemFacts}, whether
 * it has an owner, and where its JSON lies in the record file (byte offsets), so that a report
 * reads only the items it lists; and the postmortem's quality counts per owner, so that a report's
 * quality figures need no record either.
 */
record FactsEntry(String id, String stamp, Postmortem head, List<Row> rows, List<QualityCount> quality) {
  static final ObjectMapper TREES = new ObjectMapper();
  static final JsonFactory JSON = TREES.getFactory();

  /**
   * One item: its facts, whether it has an owner, its bytes {@code [start, end)} in the record, and
   * what a printed report shows of it: {@code fields}, or else undecoded at {@code fieldsAt} of
   * {@code source} (the facts file's bytes), decoded only for the items a report lists.
   */
  record Row(ItemFacts facts, boolean owned, int start, int end, PrintedFields fields, byte[] source, int fieldsAt) {
    Row(ItemFacts facts, boolean owned, int start, int end, PrintedFields fields) {
      this(facts, owned, start, end, fields, null, -1);
    }

    /** The printed fields, decoded from the facts file when they were read from there. */
    PrintedFields printed() throws IOException {
      if (fields != null) {
        return fields;
      }
      try (JsonParser p = JSON.createParser(source, fieldsAt, source.length - fieldsAt)) {
        p.nextToken();
        return PrintedFields.read(p);
      }
    }

    /** At least every item {@link ReportSelection#matches} takes (the report checks each again). */
    boolean mayMatch(String postmortemId, ReportSelection s) {
      boolean open = !facts.status().isClosed();
      if (open && (!owned || (facts.dueDate() != null && !facts.dueDate().isAfter(s.dueBy())))) {
        return true;
      }
      return facts.isVerificationOverdue(s.asOf()) || (open && s.recurred().contains(postmortemId));
    }
  }

  /**
   * The entry of a record, from the exact bytes of its file: each item's offsets are found by
   * reading the bytes again with a streaming parser ({@code postmortem.actionItems[i]}).
   */
  static FactsEntry of(String stamp, Postmortem postmortem, byte[] recordBytes, Map<ItemFacts, ItemFacts> shared)
      throws IOException {
    List<int[]> ranges = itemRanges(recordBytes);
    List<ActionItem> items = postmortem.actionItems();
    if (ranges.size() != items.size()) {
      throw new IOException("the record holds " + ranges.size() + " items, the postmortem " + items.size());
    }
    LocalDate day = postmortem.incident().referenceDate();
    List<Row> rows = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ItemFacts facts = ItemFacts.of(items.get(i), day);
      rows.add(new Row(shared.computeIfAbsent(facts, f -> f), items.get(i).owner() != null, ranges.get(i)[0],
          ranges.get(i)[1], PrintedFields.of(items.get(i))));
    }
    return new FactsEntry(postmortem.id(), stamp, postmortem.withActionItems(List.of()), List.copyOf(rows),
        QualityCount.of(postmortem));
  }

  private static List<int[]> itemRanges(byte[] bytes) throws IOException {
    List<int[]> ranges = new ArrayList<>();
    try (JsonParser p = JSON.createParser(bytes)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (!name.equals("postmortem")) {
          p.skipChildren();
          continue;
        }
        expect(p.currentToken(), JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (field.equals("actionItems") && value == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              int start = (int) p.currentTokenLocation().getByteOffset();
              p.skipChildren();
              ranges.add(new int[] {start, (int) p.currentLocation().getByteOffset()});
            }
          } else {
            p.skipChildren();
          }
        }
      }
    }
    return ranges;
  }

  private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) {
      throw new IOException("expected " + wanted + ", found " + actual);
    }
  }

  /** One line of the facts file. */
  void write(JsonGenerator g, JsonFormat json) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeStringField("stamp", stamp);
    g.writeFieldName("head");
    g.writeTree(json.toTree(head));
    g.writeArrayFieldStart("items");
    for (Row r : rows) {
      ItemFacts f = r.facts;
      g.writeStartArray();
      g.writeNumber(r.start);
      g.writeNumber(r.end);
      g.writeString(f.status().name());
      g.writeBoolean(r.owned);
      text(g, f.priority());
      text(g, f.dueDate());
      text(g, f.closedOn());
      if (f.daysToClose() == null) {
        g.writeNull();
      } else {
        g.writeNumber(f.daysToClose());
      }
      text(g, f.verification());
      text(g, f.verificationDue());
      text(g, f.verifiedOn());
      r.printed().write(g);
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("quality");
    for (QualityCount q : quality) {
      g.writeStartArray();
      text(g, q.owner());
      g.writeNumber(q.items());
      g.writeNumber(q.checked());
      g.writeNumber(q.withFindings());
      g.writeNumber(q.withErrors());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.toString());
    }
  }

  /**
   * Reads a line that {@link #write} wrote, from {@code source} at {@code lineStart}; any deviation
   * fails, so the file is not trusted. The printed fields are checked but left undecoded.
   */
  static FactsEntry read(JsonParser p, byte[] source, int lineStart, JsonFormat json, String where,
      Map<ItemFacts, ItemFacts> shared) throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT);
    String id = field(p, "id").getText();
    String stamp = field(p, "stamp").getText();
    field(p, "head");
    JsonNode headTree = TREES.readTree(p);
    Postmortem head = json.readPostmortem(headTree, where);
    expect(field(p, "items").currentToken(), JsonToken.START_ARRAY);
    List<Row> rows = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      int start = number(p);
      int end = number(p);
      ItemStatus status = ItemStatus.valueOf(string(p));
      p.nextToken();
      boolean owned = p.getBooleanValue();
      String priority = string(p);
      LocalDate due = day(string(p));
      LocalDate closedOn = day(string(p));
      Long days = p.nextToken() == JsonToken.VALUE_NULL ? null : p.getLongValue();
      String state = string(p);
      ItemFacts facts = new ItemFacts(priority == null ? null : Priority.valueOf(priority), status, due, closedOn, days,
          state == null ? null : Verification.State.valueOf(state), day(string(p)), day(string(p)));
      p.nextToken();
      int fieldsAt = lineStart + (int) p.currentTokenLocation().getByteOffset();
      PrintedFields.skip(p);
      expect(p.nextToken(), JsonToken.END_ARRAY);
      if (start < 0 || end <= start) {
        throw new IOException("item bytes " + start + ".." + end);
      }
      rows.add(new Row(shared.computeIfAbsent(facts, f -> f), owned, start, end, null, source, fieldsAt));
    }
    expect(p.currentToken(), JsonToken.END_ARRAY);
    expect(field(p, "quality").currentToken(), JsonToken.START_ARRAY);
    List<QualityCount> quality = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      String owner = string(p);
      try {
        quality.add(new QualityCount(id, owner, number(p), number(p), number(p), number(p)));
      } catch (IllegalArgumentException e) {
        throw new IOException("quality counts of " + id + ": " + e.getMessage());
      }
      expect(p.nextToken(), JsonToken.END_ARRAY);
    }
    expect(p.currentToken(), JsonToken.END_ARRAY);
    expect(p.nextToken(), JsonToken.END_OBJECT);
    if (!id.equals(head.id())) {
      throw new IOException("entry " + id + " holds postmortem " + head.id());
    }
    return new FactsEntry(id, stamp, head, List.copyOf(rows), List.copyOf(quality));
  }

  private static JsonParser field(JsonParser p, String name) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME || !name.equals(p.currentName())) {
      throw new IOException("expected field " + name);
    }
    p.nextToken();
    return p;
  }

  private static int number(JsonParser p) throws IOException {
    expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
    return p.getIntValue();
  }

  private static String string(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.VALUE_STRING);
    return p.getText();
  }

  /** {@code yyyy-mm-dd} read by hand: the formatter behind {@link LocalDate#parse} costs more than the rest of a row. */
  private static LocalDate day(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return LocalDate.parse(text);
    }
    return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
  }

  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new java.time.format.DateTimeParseException("not a day", text, i);
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
