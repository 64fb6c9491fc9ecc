package dev.followthrough.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.followthrough.core.FollowthroughException;
import dev.followthrough.core.ValidationException;
import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.Measure;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.TimelineEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes the {@code schemaVersion: 1} JSON (and YAML) formats of postmortems and item
 * lists.
 *
 * <p>Writing never omits a field: unknown values are {@code null}. Reading is strict: an unknown
 * field, a wrong type or an invalid value is an error, and every problem of a document is reported
 * at once. Instances are immutable and thread-safe.
 */
public final class JsonFormat {
  public static final int SCHEMA_VERSION = 1;

  private static final JsonFormat JSON = new JsonFormat(configure(JsonMapper.builder().build()));
  private static final JsonFormat YAML = new JsonFormat(configure(new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build())));

  private final ObjectMapper mapper;
  // A reader per type resolves the type once, not on every read.
  private final java.util.Map<Class<?>, com.fasterxml.jackson.databind.ObjectReader> readers =
      new java.util.concurrent.ConcurrentHashMap<>();

  private JsonFormat(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public static JsonFormat json() {
    return JSON;
  }

  public static JsonFormat yaml() {
    return YAML;
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    // Records are read and written by their components; helpers such as isPending() are not fields.
    mapper.configure(com.fasterxml.jackson.databind.MapperFeature.AUTO_DETECT_IS_GETTERS, false);
    return mapper
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  /** A recorded repeat as reports and {@code recurrences} print it. */
  public ObjectNode recurrenceTree(String postmortemId, dev.followthrough.core.model.Recurrence r) {
    ObjectNode fields = mapper.valueToTree(r);
    fields.remove("postmortemId");
    return mapper.createObjectNode().put("postmortemId", postmortemId).put("recurrenceOf", r.postmortemId()).setAll(fields);
  }

  /** An empty object, to build other formats of this project (store records, reports) in. */
  public ObjectNode object() {
    return mapper.createObjectNode();
  }

  /** A value as this format writes it (dates as ISO text, enums by name). */
  public <T extends JsonNode> T toTree(Object value) {
    return mapper.valueToTree(value);
  }

  /** The postmortem as {@code parse --format json} prints it. */
  public String write(ParseResult result) {
    return write(tree(result));
  }

  /** The postmortem as a tree: {@code schemaVersion}, the postmortem's fields, diagnostics. */
  public ObjectNode tree(ParseResult result) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.setAll((ObjectNode) mapper.valueToTree(result.postmortem()));
    root.set("diagnostics", mapper.valueToTree(result.diagnostics()));
    return root;
  }

  /** One item's fields with {@code postmortemId} first. */
  public ObjectNode itemTree(String postmortemId, ActionItem item) {
    ObjectNode node = mapper.createObjectNode();
    node.put("postmortemId", postmortemId);
    node.setAll((ObjectNode) mapper.valueToTree(item));
    return node;
  }

  /**
   * An object of {@code fields} (names to plain values) and then {@code value} under {@code
   * name}, as {@link #write(JsonNode)} writes the same object built as a tree, in UTF-8, but
   * written straight from the value: building the tree first cost as much again.
   */
  public byte[] writeObject(java.util.Map<String, Object> fields, String name, Object value) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
    try (com.fasterxml.jackson.core.JsonGenerator g = mapper.createGenerator(out)) {
      g.writeStartObject();
      for (java.util.Map.Entry<String, Object> field : fields.entrySet()) {
        g.writeFieldName(field.getKey());
        mapper.writeValue(g, field.getValue());
      }
      g.writeFieldName(name);
      mapper.writeValue(g, value);
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new FollowthroughException("could not write JSON: " + e.getMessage(), e);
    }
    if (mapper == JSON.mapper) {
      out.write('\n');
    }
    return out.toByteArray();
  }

  public String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node) + (mapper == JSON.mapper ? "\n" : "");
    } catch (JsonProcessingException e) {
      throw new FollowthroughException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a postmortem written by {@link #write(ParseResult)}.
   *
   * @param where names the input in messages, usually its path
   * @throws SchemaVersionException when the document has another {@code schemaVersion}
   * @throws ValidationException listing every invalid or unknown field
   * @throws FollowthroughException when the text is not well-formed
   */
  public ParseResult read(String text, String where) {
    return read(parseTree(text, where), where);
  }

  public ParseResult read(JsonNode node, String where) {
    if (!(node instanceof ObjectNode object)) {
      throw new FollowthroughException(where + ": expected a JSON object");
    }
    requireSchemaVersion(object, where);
    ObjectNode fields = object.deepCopy();
    fields.remove("schemaVersion");
    JsonNode diagnosticsNode = fields.remove("diagnostics");
    List<String> problems = new ArrayList<>();
    List<Diagnostic> diagnostics =
        diagnosticsNode == null || diagnosticsNode.isNull()
            ? List.of()
            : convert(diagnosticsNode, "diagnostics", new TypeReference<List<Diagnostic>>() {}, problems);
    Postmortem postmortem = readPostmortem(fields, where, problems);
    return new ParseResult(postmortem, diagnostics);
  }

  /**
   * Reads a postmortem's fields (no {@code schemaVersion}, no diagnostics), reporting every
   * problem at once.
   */
  public Postmortem readPostmortem(JsonNode fields, String where) {
    return readPostmortem(fields, where, new ArrayList<>());
  }

  private Postmortem readPostmortem(JsonNode fields, String where, List<String> problems) {
    checkEach(fields.get("timeline"), "timeline", TimelineEntry.class, problems);
    checkEach(fields.get("measures"), "measures", Measure.class, problems);
    checkEach(fields.get("actionItems"), "actionItems", ActionItem.class, problems);
    convert(fields.get("incident"), "incident.", IncidentSummary.class, problems);
    Postmortem postmortem = problems.isEmpty() ? convert(fields, "", Postmortem.class, problems) : null;
    if (!problems.isEmpty()) {
      throw new ValidationException("postmortem in " + where, problems.stream().distinct().toList());
    }
    return postmortem;
  }

  /** Parses text into a tree, naming the input and position when it is not well-formed. */
  public JsonNode parseTree(String text, String where) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String at = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new FollowthroughException(where + at + ": not valid: " + e.getOriginalMessage(), e);
    }
  }

  /** Fails unless {@code node.schemaVersion} is the one this release reads. */
  public static void requireSchemaVersion(JsonNode node, String where) {
    JsonNode version = node.get("schemaVersion");
    if (version == null || version.isNull()) {
      throw new FollowthroughException(where + ": schemaVersion is missing");
    }
    if (!version.isInt() || version.intValue() != SCHEMA_VERSION) {
      throw new SchemaVersionException(where, version.toString());
    }
  }

  /**
   * Converts a tree into a value, adding any problem (with its field path behind {@code prefix})
   * to {@code problems} instead of throwing.
   */
  public <T> T convert(JsonNode node, String prefix, Class<T> type, List<String> problems) {
    try {
      return node == null ? null : mapper.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      problems.addAll(describe(prefix, e));
      return null;
    }
  }

  /** As {@link #convert}, straight from text: for many small records, where a tree costs as much again. */
  public <T> T read(String text, Class<T> type, List<String> problems) {
    try {
      return readers.computeIfAbsent(type, mapper::readerFor).readValue(text);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      problems.addAll(describe("", e));
      return null;
    }
  }

  private <T> T convert(JsonNode node, String prefix, TypeReference<T> type, List<String> problems) {
    try {
      return mapper.readerFor(type).readValue(node);
    } catch (java.io.IOException | IllegalArgumentException e) {
      problems.addAll(describe(prefix, e));
      return null;
    }
  }

  private void checkEach(JsonNode array, String field, Class<?> type, List<String> problems) {
    if (array == null || array.isNull()) {
      return;
    }
    if (!array.isArray()) {
      problems.add(field + ": expected a list");
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      convert(array.get(i), field + "[" + i + "].", type, problems);
    }
  }

  /** Turns a Jackson failure into messages that name the field, without Jackson's jargon. */
  static List<String> describe(String prefix, Exception e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return List.of(prefix + e.getMessage());
    }
    String path = prefix + pathOf(mapping);
    String at = path.isEmpty() ? "" : stripDot(path) + ": ";
    Throwable cause = mapping.getCause();
    while (cause != null && !(cause instanceof ValidationException)) {
      cause = cause.getCause();
    }
    if (cause instanceof ValidationException invalid) {
      String parent = path.isEmpty() ? "" : path.endsWith(".") ? path : path + ".";
      return invalid.problems().stream().map(p -> parent + p).toList();
    }
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      String parent = prefix + pathOf(mapping).replaceAll("\\.?" + java.util.regex.Pattern.quote(unknown.getPropertyName()) + "$", "");
      return List.of(
          (parent.isEmpty() ? "" : stripDot(parent) + ": ")
              + "unknown field '" + unknown.getPropertyName() + "'");
    }
    if (mapping instanceof InvalidFormatException invalid) {
      Class<?> target = invalid.getTargetType();
      String expected = target == null || !target.isEnum() ? "" : " (expected one of "
          + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + ")";
      return List.of(at + "unknown value " + quote(invalid.getValue()) + expected);
    }
    return List.of(at + mapping.getOriginalMessage().replaceAll(" \\(for Object starting.*", "").split("\n")[0]);
  }

  private static String quote(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  private static String stripDot(String path) {
    return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
  }

  private static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
