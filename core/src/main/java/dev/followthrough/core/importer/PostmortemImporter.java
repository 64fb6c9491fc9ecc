package dev.followthrough.core.importer;

import dev.followthrough.core.DocumentException;
import dev.followthrough.core.model.Diagnostic;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Source;
import dev.followthrough.core.quality.LintSettings;
import dev.followthrough.core.quality.QualityChecker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads postmortem documents, Markdown, HTML or plain text, into {@link Postmortem}s as they are
 * written: no due-date policy is applied here.
 *
 * <p>Stateless and thread-safe. Anything skipped or guessed is reported as a {@link Diagnostic};
 * input that is no postmortem at all fails with a {@link DocumentException} naming the file.
 */
public final class PostmortemImporter {
  /** Larger files are refused rather than risk the heap; real postmortems are far smaller. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final Pattern MARKDOWN_SIGNS =
      Pattern.compile("(?m)^(?:#{1,6}\\s+\\S|\\s*\\|.*\\|\\s*$|\\s*[-*+]\\s+\\[[ xX]]\\s)");
  private static final List<String> DOCUMENT_SUFFIXES = List.of(".md", ".markdown", ".txt", ".text", ".html", ".htm");

  private final boolean explain;
  private final LintSettings lint;
  private final QualityChecker checker;

  private PostmortemImporter(boolean explain, LintSettings lint) {
    this.explain = explain;
    this.lint = lint;
    this.checker = QualityChecker.of(lint);
  }

  /** An importer that stores the quality findings of the standard {@code lint:} rule levels with what it reads. */
  public static PostmortemImporter create() {
    return new PostmortemImporter(false, LintSettings.standard());
  }

  /**
   * An importer whose findings follow these rule levels and teams (the {@code lint:} section): each
   * item read carries its findings in {@link dev.followthrough.core.model.ActionItem#quality()}, the
   * postmortem those on its whole set of items.
   */
  public PostmortemImporter withLint(LintSettings settings) {
    return new PostmortemImporter(explain, settings == null ? LintSettings.standard() : settings);
  }

  /** The rule levels and teams its findings follow. */
  public LintSettings lint() {
    return lint;
  }

  /**
   * An importer that also says, as INFO diagnostics starting with {@code explain:}, which rule took
   * each line and which lines looked like an action or a time but were not taken.
   */
  public PostmortemImporter explaining() {
    return new PostmortemImporter(true, lint);
  }

  /** Reads one file. */
  public ParseResult parse(Path file) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new DocumentException(name, 0, "is a directory; give one postmortem file");
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new DocumentException(name, 0, "is " + size / (1024 * 1024) + " MB; postmortems over 64 MB are refused");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DocumentException(name, 0, "no such file");
    } catch (IOException e) {
      throw new DocumentException(name, 0, "cannot be read: " + e.getMessage());
    }
    return parse(bytes, name);
  }

  /** Reads a document held in memory; {@code name} names it in ids and messages. */
  public ParseResult parse(String text, String name) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // Decoding the bytes again would give the same text, unless it held a surrogate (a lone one
    // is encoded as '?'); the bytes are still needed for the checksum and the binary check.
    if (hasSurrogate(text)) {
      return parse(bytes, name);
    }
    refuseBinary(bytes, name);
    return parse(bytes, withoutBom(text), name);
  }

  private ParseResult parse(byte[] bytes, String name) {
    return parse(bytes, decode(bytes, name), name);
  }

  private ParseResult parse(byte[] bytes, String text, String name) {
    if (text.isBlank()) {
      throw new DocumentException(name, 0, "is empty");
    }
    return DateOrder.during(text, () -> read(bytes, text, name));
  }

  private ParseResult read(byte[] bytes, String text, String name) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    boolean html = HtmlOutlineReader.isHtml(name, text);
    FrontMatter front = html ? FrontMatter.split("", name, diagnostics) : FrontMatter.split(text, name, diagnostics);
    Outline outline = html ? new HtmlOutlineReader().read(text)
        : isMarkdown(name, front.body())
        ? new MarkdownOutlineReader(front.bodyLineOffset()).read(MdxModules.blank(front.body()))
        : new PlainTextOutlineReader(front.bodyLineOffset()).read(front.body());
    Source source = new Source(name, sha256(bytes));
    // Judged as the document states it, before any policy fills in a due date or a priority.
    Postmortem postmortem =
        checker.annotate(new DocumentInterpreter(name, diagnostics).interpret(outline, front, source));
    if (explain) {
      diagnostics.addAll(Explanations.of(outline, postmortem));
      diagnostics.sort(java.util.Comparator.comparingInt(Diagnostic::line));
    }
    return new ParseResult(postmortem, diagnostics);
  }

  /**
   * The documents a path names: the file itself, or the {@code .md}, {@code .markdown}, {@code
   * .txt}, {@code .text}, {@code .html} and {@code .htm} files below a directory, in name order.
   */
  public List<Path> documents(Path path) {
    if (!Files.exists(path)) {
      throw new DocumentException(path.toString(), 0, "no such file or directory");
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> DOCUMENT_SUFFIXES.stream().anyMatch(s -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(s)))
          .filter(f -> !f.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("readme"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new DocumentException(path.toString(), 0, "cannot be listed: " + e.getMessage());
    }
  }

  private static boolean isMarkdown(String name, String text) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return true;
    }
    return MARKDOWN_SIGNS.matcher(text.length() > 200_000 ? text.substring(0, 200_000) : text).find();
  }

  private static void refuseBinary(byte[] bytes, String name) {
    int probe = Math.min(bytes.length, 8192);
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        throw new DocumentException(name, 0, "is not a text file (it contains binary data)");
      }
    }
  }

  private static boolean hasSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String decode(byte[] bytes, String name) {
    refuseBinary(bytes, name);
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return withoutBom(text);
    } catch (CharacterCodingException e) {
      throw new DocumentException(name, lineOfBadByte(bytes), "is not UTF-8 text");
    }
  }

  private static int lineOfBadByte(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    int line = 1;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        try {
          decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return line;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
