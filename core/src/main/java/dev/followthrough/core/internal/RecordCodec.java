package dev.followthrough.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.DamagedStoreException;
import dev.followthrough.core.store.StoredPostmortem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The directory store's record files: a stored postmortem to bytes and back. Thread-safe. */
final class RecordCodec {
  private final JsonFormat json = JsonFormat.json();

  byte[] bytes(StoredPostmortem stored) {
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
    head.put("version", stored.version());
    head.put("updatedAt", stored.updatedAt().toString());
    return json.writeObject(head, "postmortem", stored.postmortem());
  }

  /** The same bytes by way of a tree, as records were written before {@link #bytes}: for tests. */
  byte[] bytesThroughTree(StoredPostmortem stored) {
    ObjectNode root = json.object();
    root.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
    root.put("version", stored.version());
    root.put("updatedAt", stored.updatedAt().toString());
    root.set("postmortem", json.toTree(stored.postmortem()));
    return json.write(root).getBytes(StandardCharsets.UTF_8);
  }

  /** The record in {@code bytes}, read from {@code file}; a damaged one names the file and the fault. */
  StoredPostmortem parse(Path file, byte[] bytes) {
    String name = file.toString();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new DamagedStoreException(List.of(name), "not UTF-8 text");
    }
    if (text.isBlank()) {
      throw new DamagedStoreException(List.of(name), "the file is empty");
    }
    try {
      JsonNode root = json.parseTree(text, name);
      JsonFormat.requireSchemaVersion(root, name);
      JsonNode version = root.get("version");
      JsonNode updatedAt = root.get("updatedAt");
      JsonNode body = root.get("postmortem");
      if (version == null || !version.canConvertToLong() || updatedAt == null || body == null) {
        throw new FollowthroughException("version, updatedAt or postmortem is missing");
      }
      Postmortem postmortem = json.readPostmortem(body, name);
      if (!file.getFileName().toString().equals(postmortem.id() + ".json")) {
        throw new FollowthroughException("it holds postmortem " + postmortem.id());
      }
      return new StoredPostmortem(postmortem, version.asLong(), Instant.parse(updatedAt.asText()));
    } catch (DamagedStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.toString()
          : e.getMessage().replace(name + ": ", "").replace("postmortem in " + name, "postmortem");
      throw new DamagedStoreException(List.of(name), message);
    }
  }
}
