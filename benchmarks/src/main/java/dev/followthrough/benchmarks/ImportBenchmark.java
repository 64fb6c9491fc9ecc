package dev.followthrough.benchmarks;

import dev.followthrough.core.importer.ParseResult;
import dev.followthrough.core.importer.PostmortemImporter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Documents parsed per second by size: 5 KB is a typical postmortem; 100 KB and 1 MB show
 * whether time grows linearly with size (documents per second should fall by the size ratio).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImportBenchmark {
  @Param({"5000", "100000", "1000000"})
  int bytes;

  @Param({"markdown", "plain"})
  String style;

  private String document;
  private final PostmortemImporter importer = PostmortemImporter.create();

  @Setup
  public void makeDocument() {
    document = style.equals("markdown") ? Documents.markdown(bytes) : Documents.plainText(bytes);
  }

  @Benchmark
  public ParseResult parse() {
    return importer.parse(document, style.equals("markdown") ? "bench.md" : "bench.txt");
  }
}
