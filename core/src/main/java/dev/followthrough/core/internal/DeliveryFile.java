package dev.followthrough.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.store.DamagedStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The directory store's {@code deliveries.json}: webhook delivery ids with when they came, read and
 * replaced whole under the writers' lock, older ones dropped on each write.
 */
final class DeliveryFile {
  private final Path file;
  private final JsonFormat json = JsonFormat.json();

  DeliveryFile(Path file) {
    this.file = file;
  }

  /** Call with the writers' lock held. */
  boolean record(String source, String deliveryId, Instant receivedAt, Duration retention) throws IOException {
    Instant oldest = receivedAt.minus(retention);
    ArrayNode kept = json.object().arrayNode();
    boolean seen = false;
    for (JsonNode entry : read()) {
      Instant at;
      try {
        at = Instant.parse(entry.path("at").asText());
      } catch (java.time.format.DateTimeParseException e) {
        throw new DamagedStoreException(List.of(file.toString()), "a delivery without a valid 'at'");
      }
      if (at.isBefore(oldest)) {
        continue;
      }
      seen |= entry.path("source").asText().equals(source) && entry.path("id").asText().equals(deliveryId);
      kept.add(entry);
    }
    if (seen) {
      return false;
    }
    kept.addObject().put("source", source).put("id", deliveryId).put("at", receivedAt.toString());
    ObjectNode root = json.object();
    root.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
    root.set("deliveries", kept);
    AtomicFiles.write(file, json.write(root));
    return true;
  }

  private JsonNode read() throws IOException {
    if (!Files.exists(file)) {
      return json.object().arrayNode();
    }
    JsonNode root = json.parseTree(Files.readString(file), file.toString());
    JsonFormat.requireSchemaVersion(root, file.toString());
    JsonNode deliveries = root.path("deliveries");
    if (!deliveries.isArray()) {
      throw new DamagedStoreException(List.of(file.toString()), "no 'deliveries' list");
    }
    return deliveries;
  }
}
