package dev.followthrough.core.importer;

import dev.followthrough.core.importer.ItemReader.Entry;
import dev.followthrough.core.importer.Outline.Node;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Items from paragraphs: each sentence that commits to future work ({@link Commitments}). */
final class ProseItems {
  private final List<Diagnostic> diagnostics;
  private final EntryMaker maker;
  /** The sentences read so far, which later ones may refer back to. */
  private final List<String> said = new ArrayList<>();

  ProseItems(List<Diagnostic> diagnostics, EntryMaker maker) {
    this.diagnostics = diagnostics;
    this.maker = maker;
  }

  /** The promises in the paragraphs of a section that lists nothing. */
  List<Entry> read(List<Node> nodes) {
    List<Entry> entries = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof TextLine line) {
        promises(line, entries);
      }
    }
    return entries;
  }

  /** Each sentence of a paragraph that commits to future work is an item; the rest is context. */
  void promises(TextLine line, List<Entry> entries) {
    var noted = ResolutionNotes.of(line.text());
    if (noted.isPresent()) {
      // The note is the item's resolution, not an item of its own; "(added …)" makes it done.
      said.add(line.text());
      maker.add(entries, line.line(), noted.get().observation(), List.of(), noted.get().done() ? Boolean.TRUE : null);
      diagnostics.add(Diagnostic.info(line.line(), "item with its resolution noted in brackets: " + noted.get().note()));
      return;
    }
    List<String> sentences = Commitments.sentences(line.text());
    List<String> found = Commitments.among(sentences, said);
    said.addAll(sentences);
    if (found.isEmpty()) {
      diagnostics.add(Diagnostic.info(line.line(), "paragraph without a commitment read as prose, not an item"));
    }
    found.forEach(sentence -> maker.add(entries, line.line(), sentence, List.of(), null));
  }
}
