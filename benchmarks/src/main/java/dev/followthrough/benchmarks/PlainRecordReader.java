package dev.followthrough.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a user could write in Java without Followthrough: read every record file of a directory
 * store as a JSON tree and list the overdue items, sorted by owner. The baseline of
 * {@link ReportAtScale}. Arguments: the store directory and the report's day.
 */
public final class PlainRecordReader {
  private PlainRecordReader() {}

  public static void main(String[] args) throws IOException {
    Path records = Path.of(args[0]).resolve("postmortems");
    String asOf = args[1];
    ObjectMapper mapper = new ObjectMapper();
    List<String> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(records)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
    for (Path file : files) {
      JsonNode pm = mapper.readTree(file.toFile()).get("postmortem");
      for (JsonNode item : pm.get("actionItems")) {
        String due = item.path("dueDate").asText(null);
        String status = item.get("status").asText();
        if (due != null && due.compareTo(asOf) < 0 && !status.equals("DONE") && !status.equals("WONT_DO")) {
          out.add(item.path("owner").asText("-") + " " + pm.get("id").asText() + "/" + item.get("id").asText() + " "
              + item.path("priority").asText("-") + " " + due);
        }
      }
    }
    out.sort(null);
    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    for (String line : out) {
      w.write(line);
      w.write('\n');
    }
    w.write(out.size() + " overdue\n");
    w.flush();
  }
}
