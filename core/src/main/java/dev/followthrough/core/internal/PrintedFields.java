package dev.followthrough.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.ItemFacts;
import java.io.IOException;
import java.util.List;

/**
 * What the text, Markdown, CSV and HTML reports print of a listed item beyond its {@link ItemFacts}:
 * its id, title, owner, verification criterion, and its ticket (the first one with a key, as
 * {@link dev.followthrough.core.report.OverdueReport.Entry#ticket} picks it). Kept in the facts
 * file so that a printed report reads no record.
 */
record PrintedFields(String id, String title, String owner, String criterion, String tracker, String key,
    String url) {
  private static final int COUNT = 7;

  static PrintedFields of(ActionItem item) {
    TicketLink ticket = item.tickets().stream().filter(t -> t.key() != null).findFirst().orElse(null);
    return new PrintedFields(item.id(), item.title(), item.owner(),
        item.verification() == null ? null : item.verification().criterion(), ticket == null ? null : ticket.tracker(),
        ticket == null ? null : ticket.key(), ticket == null ? null : ticket.url());
  }

  /** The item as a printed report sees it: every field it prints, the others empty. */
  ActionItem item(ItemFacts facts) {
    Verification verification = facts.verification() == null ? null
        : new Verification(facts.verification(), facts.verificationDue(), criterion, null, null, null);
    List<TicketLink> tickets = key == null ? List.of() : List.of(TicketLink.of(tracker, key, url));
    return new ActionItem(id, title, null, owner, facts.dueDate(), facts.priority(), facts.status(), null, null,
        tickets, List.of(), false, null, verification, null, null);
  }

  /** Written as one array of strings and nulls. */
  void write(JsonGenerator g) throws IOException {
    g.writeStartArray();
    for (String s : new String[] {id, title, owner, criterion, tracker, key, url}) {
      if (s == null) {
        g.writeNull();
      } else {
        g.writeString(s);
      }
    }
    g.writeEndArray();
  }

  /**
   * Steps over the array {@link #write} wrote, checking its shape without decoding a string; the
   * parser is at its start.
   */
  static void skip(JsonParser p) throws IOException {
    expectStart(p);
    for (int i = 0; i < COUNT; i++) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
        throw new IOException("printed fields: expected a string or null, found " + t);
      }
    }
    if (p.nextToken() != JsonToken.END_ARRAY) {
      throw new IOException("printed fields: more than " + COUNT);
    }
  }

  /** Reads the array {@link #write} wrote; the parser is at its start. */
  static PrintedFields read(JsonParser p) throws IOException {
    expectStart(p);
    String[] s = new String[COUNT];
    for (int i = 0; i < COUNT; i++) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_STRING) {
        s[i] = p.getText();
      } else if (t != JsonToken.VALUE_NULL) {
        throw new IOException("printed fields: expected a string or null, found " + t);
      }
    }
    if (p.nextToken() != JsonToken.END_ARRAY) {
      throw new IOException("printed fields: more than " + COUNT);
    }
    if (s[0] == null || s[1] == null || (s[5] != null && s[4] == null)) {
      throw new IOException("printed fields: an id, a title, and a tracker for a ticket are needed");
    }
    return new PrintedFields(s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
  }

  private static void expectStart(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IOException("printed fields: expected an array, found " + p.currentToken());
    }
  }
}
