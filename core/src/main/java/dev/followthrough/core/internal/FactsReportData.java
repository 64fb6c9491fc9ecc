package dev.followthrough.core.internal;

import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.store.ItemFacts;
import dev.followthrough.core.store.ItemRow;
import dev.followthrough.core.store.QualityCount;
import dev.followthrough.core.store.ReportData;
import dev.followthrough.core.store.ReportSelection;
import dev.followthrough.core.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's data from checked facts entries: heads and counts from the entries alone; the listed
 * items read from their records, only the bytes of the items the selection may take, records in
 * parallel. A record replaced since its entry was checked is read whole instead.
 */
final class FactsReportData implements ReportData {
  private final List<FactsEntry> entries;
  private final Path records;
  private final ReportFacts.RecordParser parser;
  private final JsonFormat json;
  private final List<Postmortem> heads;

  FactsReportData(List<FactsEntry> entries, Path records, ReportFacts.RecordParser parser, JsonFormat json) {
    this.entries = List.copyOf(entries);
    this.records = records;
    this.parser = parser;
    this.json = json;
    this.heads = this.entries.stream().map(FactsEntry::head).toList();
  }

  @Override
  public List<Postmortem> postmortems() {
    return heads;
  }

  @Override
  public Map<ItemFacts, Long> itemFacts() {
    Map<ItemFacts, Long> counts = new HashMap<>();
    for (FactsEntry e : entries) {
      for (FactsEntry.Row r : e.rows()) {
        counts.merge(r.facts(), 1L, Long::sum);
      }
    }
    return Map.copyOf(counts);
  }

  @Override
  public List<QualityCount> qualityCounts() {
    return entries.stream().flatMap(e -> e.quality().stream()).toList();
  }

  @Override
  public List<ItemRow> items(ReportSelection selection) {
    return entries.parallelStream().flatMap(e -> rows(e, selection).stream()).toList();
  }

  /** From the facts alone: no record is read, unless an entry's printed fields cannot be decoded. */
  @Override
  public List<ItemRow> printedItems(ReportSelection selection) {
    return entries.parallelStream().flatMap(e -> printedRows(e, selection).stream()).toList();
  }

  private List<ItemRow> printedRows(FactsEntry entry, ReportSelection selection) {
    List<ItemRow> rows = new ArrayList<>();
    try {
      for (FactsEntry.Row r : entry.rows()) {
        if (r.mayMatch(entry.id(), selection)) {
          rows.add(new ItemRow(entry.id(), r.printed().item(r.facts())));
        }
      }
    } catch (IOException | RuntimeException e) {
      return rows(entry, selection); // damaged in the facts file: the record answers
    }
    return rows;
  }

  private List<ItemRow> rows(FactsEntry entry, ReportSelection selection) {
    List<FactsEntry.Row> wanted = entry.rows().stream().filter(r -> r.mayMatch(entry.id(), selection)).toList();
    if (wanted.isEmpty()) {
      return List.of();
    }
    Path file = records.resolve(entry.id() + ".json");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
      if (!ReportFacts.stamp(file).equals(entry.stamp())) {
        return whole(file, bytes, selection);
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<ItemRow> rows = new ArrayList<>(wanted.size());
    List<String> problems = new ArrayList<>();
    for (FactsEntry.Row r : wanted) {
      ActionItem item = r.end() > bytes.length ? null
          : json.read(new String(bytes, r.start(), r.end() - r.start(), StandardCharsets.UTF_8), ActionItem.class, problems);
      if (item == null) {
        return whole(file, bytes, selection); // not the item the entry says: the record decides, or names the damage
      }
      rows.add(new ItemRow(entry.id(), item));
    }
    return rows;
  }

  private List<ItemRow> whole(Path file, byte[] bytes, ReportSelection selection) {
    Postmortem p = parser.parse(file, bytes).postmortem();
    return p.actionItems().stream().filter(i -> selection.matches(p.id(), i)).map(i -> new ItemRow(p.id(), i)).toList();
  }
}
