package dev.followthrough.benchmarks;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ChangeOrigin;
import dev.followthrough.core.model.HistoryEntry;
import dev.followthrough.core.model.IncidentSummary;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TicketLink;
import dev.followthrough.core.model.Verification;
import dev.followthrough.core.store.ActionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code report} on a directory store as a user runs it, against what they could script
 * themselves: each measured run is a new process, JVM start included. Three contenders over the
 * same store: the CLI jar ({@code report --store S --as-of 2025-07-01}, the launcher's JVM flags),
 * a plain Java reader of every record file ({@link PlainRecordReader}, a new JVM), and a Python 3
 * script that reads every record JSON and lists the overdue items. Prints wall time and peak
 * resident memory (from {@code /usr/bin/time}) of each, median of the runs, and the ratios.
 *
 * <p>Arguments: postmortems, items each (1000 100), the CLI jar (cli/target/followthrough.jar),
 * runs (3), and a store directory to keep (a new temporary one when absent; an existing store
 * is reused as it is).
 */
public final class ReportAtScale {
  static final LocalDate AS_OF = LocalDate.parse("2025-07-01");
  static final int OWNERS = 200;

  private ReportAtScale() {}

  public static void main(String[] args) throws Exception {
    int postmortems = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    Path cliJar = Path.of(args.length > 2 ? args[2] : "cli/target/followthrough.jar");
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path store = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("followthrough-report-scale").resolve("store");
    if (!Files.exists(cliJar)) {
      throw new IllegalArgumentException(cliJar + ": no such jar; build it with mvn -pl cli -am package -DskipTests");
    }
    if (!Files.isDirectory(store.resolve("postmortems"))) {
      long start = System.nanoTime();
      generate(store, postmortems, items);
      System.out.printf("generated %,d postmortems x %,d items in %s: %.1f s%n", postmortems, items, store,
          (System.nanoTime() - start) / 1e9);
    }
    Path script = Files.writeString(Files.createTempFile("overdue", ".py"), PYTHON);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The flags the followthrough launcher gives a report, its class-data archive written by a first run.
    Path archive = Files.createTempDirectory("followthrough-cds").resolve("followthrough.jsa");
    List<String> report = List.of("-jar", cliJar.toString(), "report", "--store", store.toString(), "--as-of",
        AS_OF.toString());
    List<String> dump = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
        "-Xlog:cds+dynamic=off"));
    dump.addAll(report);
    new Contender("class-data archive", dump).run();
    List<String> launcherFlags = List.of(System.getProperty("cliFlags",
        "-XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=" + archive + " -Xlog:cds=off").split(" "));
    List<Contender> contenders = new ArrayList<>();
    List<String> cli = new ArrayList<>(List.of(java));
    cli.addAll(launcherFlags);
    cli.addAll(report);
    contenders.add(new Contender("followthrough report (CLI jar)", cli));
    contenders.add(new Contender("plain Java reader of every file", List.of(java, "-XX:+UseParallelGC",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), PlainRecordReader.class.getName(), store.toString(),
        AS_OF.toString())));
    contenders.add(new Contender("Python 3 script over every file", List.of("python3", script.toString(),
        store.toString(), AS_OF.toString())));
    System.out.printf("store %s, report as of %s, %d runs each (alternated), %d cores%n", store, AS_OF, runs,
        Runtime.getRuntime().availableProcessors());
    for (Contender c : contenders) {
      c.run(); // warm the page cache and the CDS archive; not counted
      System.out.printf("  %-34s output %,d lines%n", c.name, c.lines);
    }
    for (int r = 0; r < runs; r++) {
      for (Contender c : contenders) {
        c.run();
      }
    }
    for (Contender c : contenders) {
      System.out.printf("%-34s wall %6.2f s (runs %s)  peak RSS %,6d MB%n", c.name, c.medianWall(),
          Arrays.toString(c.walls()), c.medianPeakKb() / 1024);
    }
    Contender ours = contenders.get(0);
    System.out.printf("ratio Python / CLI: %.2f   plain Java reader / CLI: %.2f%n",
        contenders.get(2).medianWall() / ours.medianWall(), contenders.get(1).medianWall() / ours.medianWall());
  }

  /** A store of {@code postmortems} × {@code items}: owners, priorities, statuses and a year of due dates. */
  static void generate(Path dir, int postmortems, int items) {
    try (ActionStore store = ActionStore.directory(dir)) {
      for (int p = 0; p < postmortems; p++) {
        store.insert(postmortem(p, items));
      }
    }
  }

  static Postmortem postmortem(int p, int items) {
    LocalDate day = LocalDate.parse("2024-07-01").plusDays(p % 365);
    Instant end = day.atTime(11, 0).toInstant(ZoneOffset.UTC);
    IncidentSummary incident = new IncidentSummary(day, end.minusSeconds(3600), end, null,
        "Checkout errors for an hour in incident " + p, "5% of requests failed", 5.0, "A pool ran dry", "Restarted");
    List<ActionItem> list = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      int n = p * items + i;
      ItemStatus status = StoreScale.status(n);
      ActionItem item = ActionItem.open("item-" + i, "Fix the thing number " + i + " found in incident " + p)
          .withDescription("Make sure it cannot happen again: step " + i).withOwner(n % 23 == 0 ? null : "owner-" + (n % OWNERS))
          .withStatus(status).withPriority(Priority.values()[n % Priority.values().length])
          .withDueDate(LocalDate.parse("2025-01-01").plusDays(n % 365));
      if (n % 5 == 0) {
        item = item.withTickets(List.of(TicketLink.of("jira", "OPS-" + n, "https://jira.example.com/browse/OPS-" + n)));
      }
      if (status == ItemStatus.DONE) {
        Instant closed = end.plusSeconds(86_400L * (1 + n % 90));
        item = item.withHistory(List.of(new HistoryEntry(closed, ChangeOrigin.TRACKER, "status", "OPEN", "DONE", null)))
            .withVerification(Verification.pending(LocalDate.ofInstant(closed, ZoneOffset.UTC).plusDays(30), null));
      }
      list.add(item);
    }
    return new Postmortem(String.format("%s-incident-%05d", day, p), "Incident " + p, "SEV2", incident, null, null, list,
        null, null);
  }

  static final String PYTHON = String.join("\n",
      "import json, os, sys",
      "store, as_of = sys.argv[1], sys.argv[2]",
      "records = os.path.join(store, 'postmortems')",
      "out = []",
      "for name in sorted(os.listdir(records)):",
      "    if not name.endswith('.json') or name.startswith('.'):",
      "        continue",
      "    with open(os.path.join(records, name), encoding='utf-8') as f:",
      "        pm = json.load(f)['postmortem']",
      "    for item in pm['actionItems']:",
      "        due = item.get('dueDate')",
      "        if due and due < as_of and item['status'] not in ('DONE', 'WONT_DO'):",
      "            out.append((item.get('owner') or '-', pm['id'], item['id'], item.get('priority') or '-', due))",
      "out.sort()",
      "sys.stdout.write(''.join('%s %s/%s %s %s\\n' % o for o in out))",
      "print('%d overdue' % len(out))",
      "");

  /** One command, run as a new process with its output counted and thrown away. */
  static final class Contender {
    final String name;
    final List<String> command;
    final List<Double> wall = new ArrayList<>();
    final List<Long> peakKb = new ArrayList<>();
    long lines;

    Contender(String name, List<String> command) {
      this.name = name;
      this.command = command;
    }

    void run() throws IOException, InterruptedException {
      Path times = Files.createTempFile("time", ".txt");
      Path out = Files.createTempFile("out", ".txt");
      List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %M"));
      timed.addAll(command);
      Process process = new ProcessBuilder(timed).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " took over 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + command);
      }
      String[] figures = Files.readString(times).strip().split("\\R");
      String[] last = figures[figures.length - 1].split(" ");
      wall.add(Double.parseDouble(last[0]));
      peakKb.add(Long.parseLong(last[1]));
      try (var stream = Files.lines(out)) {
        lines = stream.count();
      }
      Files.delete(times);
      Files.delete(out);
    }

    double[] walls() {
      return wall.stream().skip(1).mapToDouble(Double::doubleValue).toArray();
    }

    double medianWall() {
      double[] w = walls();
      Arrays.sort(w);
      return w[w.length / 2];
    }

    long medianPeakKb() {
      long[] k = peakKb.stream().skip(1).mapToLong(Long::longValue).sorted().toArray();
      return k[k.length / 2];
    }
  }
}
