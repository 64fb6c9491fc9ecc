package dev.followthrough.benchmarks;

import dev.followthrough.benchmarks.ReportAtScale.Contender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code import DIR} of a folder of Markdown postmortems as a user runs it: each measured run is a
 * new process (JVM start included) importing every document into a new, empty directory store.
 * Prints the wall time and peak resident memory ({@code /usr/bin/time}) of each run and checks
 * that every document became a record.
 *
 * <p>Arguments: documents, items each (1000 100), the CLI jar (cli/target/followthrough.jar) and
 * runs (3). {@code -DcliFlags="..."} replaces the JVM flags (by default those the launcher gives
 * {@code import}); {@code {archive}} in them names the class-data archive that an unmeasured
 * first run writes, as the launcher's first run after a build does.
 */
public final class ImportAtScale {
  // Failure themes that documents share, so that recurrence detection has repeats to find.
  private static final String[][] THEMES = {
    {"Deadlock in the orders database", "two transactions locked the same rows in opposite order, a deadlock"},
    {"Connection pool exhausted in the payments API", "the connection pool ran dry after a slow query held connections"},
    {"Expired certificate on the edge gateway", "the TLS certificate expired because renewal failed silently"},
    {"Replication lag on the reporting replica", "replication lag grew after a bulk update saturated the replica"},
    {"Disk full on the logging cluster", "the disk filled up when log rotation stopped on two nodes"},
    {"DNS misconfiguration after a zone change", "a DNS record was deleted during a zone migration"},
    {"Memory leak in the image worker", "a memory leak in the resize library exhausted the heap"},
    {"Queue backlog in the notification consumer", "the consumer fell behind after a deploy halved its concurrency"},
    {"Cache stampede on product pages", "a cache flush made every request miss and hit the database at once"},
    {"Bad configuration push to the search service", "a configuration change with a typo was pushed to every node"},
    {"Rate limit misapplied at the API gateway", "a rate limit rule matched all tenants instead of one"},
    {"Clock skew broke token validation", "clock skew on two hosts made fresh tokens look expired"},
  };
  private static final String[] SERVICES = {"checkout", "billing", "search", "inventory", "shipping", "login",
    "catalog", "pricing", "reviews", "recommendations", "ledger", "invoicing", "profile", "messaging", "reporting"};
  private static final String[] VERBS = {"Add an alert on", "Write a runbook for", "Load test", "Document the limits of",
    "Add a dashboard for", "Review the retries of", "Automate the failover of", "Add a canary stage to"};

  private ImportAtScale() {}

  public static void main(String[] args) throws Exception {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path cliJar = Path.of(args.length > 2 ? args[2] : "cli/target/followthrough.jar");
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    if (!Files.exists(cliJar)) {
      throw new IllegalArgumentException(cliJar + ": no such jar; build it with mvn -pl cli -am package -DskipTests");
    }
    Path work = Files.createTempDirectory("followthrough-import-scale");
    Path docs = Files.createDirectories(work.resolve("docs"));
    Path sample = Files.createDirectories(work.resolve("sample"));
    long bytes = 0;
    for (int d = 0; d < documents; d++) {
      String name = String.format("incident-%04d.md", d);
      bytes += Files.writeString(docs.resolve(name), markdown(d, items)).toFile().length();
      if (d < 20) {
        Files.writeString(sample.resolve(name), markdown(d, items));
      }
    }
    System.out.printf("generated %,d Markdown postmortems x %,d items (%,d KB) in %s%n", documents, items, bytes / 1024,
        docs);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path archive = work.resolve("followthrough.jsa");
    String flags = System.getProperty("cliFlags", "-XX:+UseParallelGC -XX:SharedArchiveFile={archive} -Xlog:cds=off")
        .replace("{archive}", archive.toString());
    // The launcher's first run after a build writes the class-data archive (here from importing a
    // few documents, which loads the same classes); its time is not counted.
    run(new Contender("class-data archive", List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off", "-jar", cliJar.toString(), "import", sample.toString(), "--store",
        work.resolve("store-archive").toString())), work.resolve("store-archive"), Math.min(20, documents));
    System.out.printf("flags: %s; %d cores%n", flags, Runtime.getRuntime().availableProcessors());
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(List.of(flags.split(" ")));
    command.addAll(List.of("-jar", cliJar.toString(), "import", docs.toString(), "--store"));
    List<Double> walls = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      Path store = work.resolve("store-" + r);
      List<String> withStore = new ArrayList<>(command);
      withStore.add(store.toString());
      Contender c = new Contender("followthrough import", withStore);
      run(c, store, documents);
      double wall = c.wall.get(0);
      walls.add(wall);
      System.out.printf("run %d: wall %.2f s, peak RSS %,d MB, %,d lines printed%n", r + 1, wall,
          c.peakKb.get(0) / 1024, c.lines);
    }
    double[] sorted = walls.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf("followthrough import of %,d documents x %,d items: median wall %.2f s (runs %s)%n", documents,
        items, sorted[sorted.length / 2], walls);
  }

  private static void run(Contender c, Path store, int documents) throws IOException, InterruptedException {
    c.run();
    try (Stream<Path> records = Files.list(store.resolve("postmortems"))) {
      long count = records.filter(f -> f.getFileName().toString().endsWith(".json")).count();
      if (count != documents) {
        throw new IllegalStateException(store + " holds " + count + " records, not " + documents);
      }
    }
  }

  /** Postmortem {@code d}: one of the themes in one of the services, a year of dates, owned items. */
  static String markdown(int d, int items) {
    String[] theme = THEMES[d % THEMES.length];
    String service = SERVICES[(d * 7 / THEMES.length) % SERVICES.length];
    LocalDate day = LocalDate.parse("2025-01-01").plusDays(d * 365L / 1000);
    StringBuilder doc = new StringBuilder();
    doc.append("---\ntitle: ").append(theme[0]).append(" (").append(service).append(", incident ").append(d)
        .append(")\nseverity: SEV").append(1 + d % 3).append("\n---\n# ").append(theme[0]).append("\n\n## Summary\n\n")
        .append("- **Duration:** ").append(day).append(" 14:05 to ").append(day).append(" 16:40 (UTC)\n")
        .append("- **Impact:** ").append(5 + d % 40).append("% of ").append(service).append(" requests failed.\n")
        .append("- **Root cause:** in the ").append(service).append(" service, ").append(theme[1]).append(".\n")
        .append("- **Resolution:** the ").append(service).append(" team rolled back and restarted the service.\n\n")
        .append("## Timeline\n\n- 14:05 Alert fires for the ").append(service).append(" service\n")
        .append("- 16:40 Recovered\n\n## Action items\n\n");
    for (int i = 0; i < items; i++) {
      String check = i % 5 == 0 ? "[x]" : "[ ]";
      doc.append("- ").append(check).append(' ').append(VERBS[(d + i) % VERBS.length]).append(' ')
          .append(SERVICES[(d + i) % SERVICES.length]).append(" step ").append(i).append(" owner: @owner-")
          .append((d * 31 + i) % 200).append(" due: ").append(day.plusDays(7 + i % 90)).append(" priority: P")
          .append(1 + i % 4).append('\n');
    }
    return doc.toString();
  }
}
