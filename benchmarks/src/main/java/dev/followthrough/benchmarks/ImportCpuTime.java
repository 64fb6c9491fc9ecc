package dev.followthrough.benchmarks;

import dev.followthrough.core.importer.PostmortemImporter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Documents parsed per CPU-second of the parsing thread, for the 5 KB documents of
 * {@link ImportBenchmark}. On a machine shared with other work, JMH's wall-clock throughput swings
 * by a factor of two; the thread's own CPU time is steadier, so before and after can be compared.
 * Arguments: parses per run (default 1000) and runs (default 5); the best run is reported.
 */
public final class ImportCpuTime {
  private ImportCpuTime() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    PostmortemImporter importer = PostmortemImporter.create();
    String markdown = Documents.markdown(5000);
    String plain = Documents.plainText(5000);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    // Warm-up, so that the measured runs time compiled code.
    for (int i = 0; i < 2000; i++) {
      sink += importer.parse(markdown, "bench.md").hashCode();
      sink += importer.parse(plain, "bench.txt").hashCode();
    }
    double bestMarkdown = 0;
    double bestPlain = 0;
    for (int r = 0; r < runs; r++) {
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        sink += importer.parse(markdown, "bench.md").hashCode();
      }
      long t1 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        sink += importer.parse(plain, "bench.txt").hashCode();
      }
      long t2 = threads.getCurrentThreadCpuTime();
      bestMarkdown = Math.max(bestMarkdown, n / ((t1 - t0) / 1e9));
      bestPlain = Math.max(bestPlain, n / ((t2 - t1) / 1e9));
    }
    // The sink is printed so that no parse can be optimised away.
    System.out.printf("markdown %.0f docs/cpu-s, plain %.0f docs/cpu-s (best of %d runs of %d; %d)%n",
        bestMarkdown, bestPlain, runs, n, sink & 1);
  }
}
