package dev.followthrough.core.importer;

import dev.followthrough.core.importer.ItemReader.Entry;
import dev.followthrough.core.importer.Outline.Section;
import dev.followthrough.core.importer.Outline.TextLine;
import dev.followthrough.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Documents without any action list whose "Lessons learnt" are numbered subsections, each titled
 * by what to do ("### 2. Check other networks' upgrade issues") over prose that commits the team
 * ("Going forward we should…"): each such subsection is an item titled by its heading. A lesson
 * whose prose promises nothing ("It went well") is no item.
 */
final class LessonItems {
  private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:\\d{1,2}|[ivx]{1,4})[.)]\\s+(\\S.*)$");
  private static final int MIN_LESSONS = 2;

  private final List<Diagnostic> diagnostics;

  LessonItems(List<Diagnostic> diagnostics) {
    this.diagnostics = diagnostics;
  }

  List<Entry> read(List<Section> sections) {
    List<Entry> found = new ArrayList<>();
    EntryMaker maker = new EntryMaker(diagnostics);
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      if (s.heading() == null || SectionKind.of(s.heading()) != SectionKind.LESSONS) {
        continue;
      }
      // The numbered sections right after the lessons heading are its subsections.
      int end = i + 1;
      while (end < sections.size() && sections.get(end).heading() != null
          && NUMBERED.matcher(sections.get(end).heading()).matches()
          && SectionKind.of(sections.get(end).heading()) == SectionKind.OTHER) {
        end++;
      }
      if (end - i - 1 < MIN_LESSONS) {
        continue;
      }
      for (Section lesson : sections.subList(i + 1, end)) {
        if (commits(lesson)) {
          var m = NUMBERED.matcher(lesson.heading());
          maker.add(found, lesson.line(), m.matches() ? m.group(1).strip() : lesson.heading(), List.of(), null);
        }
      }
      i = end - 1;
    }
    if (!found.isEmpty()) {
      diagnostics.add(Diagnostic.info(found.get(0).line(),
          "no action section; numbered lessons whose prose commits the team read as items"));
    }
    return found;
  }

  private static boolean commits(Section lesson) {
    return lesson.nodes().stream().filter(n -> n instanceof TextLine).map(n -> ((TextLine) n).text())
        .flatMap(t -> Commitments.sentences(t).stream()).anyMatch(Commitments::isCommitment);
  }
}
