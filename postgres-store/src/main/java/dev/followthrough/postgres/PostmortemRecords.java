package dev.followthrough.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.StoreException;
import dev.followthrough.core.store.StoredPostmortem;
import java.time.Instant;
import java.util.List;

/**
 * The {@code record} column: {@code {"schemaVersion": 1, "postmortem": {...}}} written by core's
 * {@link JsonFormat}, so a row holds the same body as a directory store file.
 */
final class PostmortemRecords {
  private final JsonFormat json = JsonFormat.json();
  private final String storeName;

  PostmortemRecords(String storeName) {
    this.storeName = storeName;
  }

  /**
   * The record's JSON text.
   *
   * @throws StoreException when a text holds U+0000, which PostgreSQL cannot keep in text or jsonb
   */
  String write(Postmortem postmortem) {
    ObjectNode root = json.object();
    root.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
    root.set("postmortem", json.toTree(postmortem));
    String text = json.write(root);
    if (holdsNul(text)) {
      throw new StoreException("postmortem " + postmortem.id() + " contains the character U+0000 (NUL), which "
          + storeName + " cannot store; remove it from the document and import it again");
    }
    return text;
  }

  /** JSON writes NUL as a backslash escape (u0000); an even run of backslashes before it is escaped text instead. */
  private static boolean holdsNul(String json) {
    for (int at = json.indexOf("\\u0000"); at >= 0; at = json.indexOf("\\u0000", at + 1)) {
      int backslashes = 0;
      for (int i = at; i >= 0 && json.charAt(i) == '\\'; i--) {
        backslashes++;
      }
      if (backslashes % 2 == 1) {
        return true;
      }
    }
    return false;
  }

  /** Names a row in messages the way the directory store names a file. */
  String where(String id) {
    return "postmortems row '" + id + "' of " + storeName;
  }

  /**
   * Reads one row.
   *
   * @throws DamagedStoreException naming the row when its record cannot be read as a postmortem
   */
  StoredPostmortem read(String id, long version, Instant updatedAt, String record) {
    String where = where(id);
    try {
      JsonNode root = json.parseTree(record, where);
      JsonFormat.requireSchemaVersion(root, where);
      JsonNode body = root.get("postmortem");
      if (body == null || !body.isObject()) {
        throw new FollowthroughException("the postmortem is missing");
      }
      Postmortem postmortem = json.readPostmortem(body, where);
      if (!postmortem.id().equals(id)) {
        throw new FollowthroughException("it holds postmortem " + postmortem.id());
      }
      return new StoredPostmortem(postmortem, version, updatedAt);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.toString()
          : e.getMessage().replace(where + ": ", "").replace("postmortem in " + where, "postmortem");
      throw new DamagedStoreException(List.of(where), message);
    }
  }
}
