package dev.followthrough.postgres;

import dev.followthrough.core.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL server for tests: initdb into a temp directory, started on 127.0.0.1 and a
 * free port with its socket in that directory, stopped and deleted when the JVM exits. One per
 * JVM; each test class makes its own databases or schemas in it. Tests are skipped, with a
 * message, when no PostgreSQL binaries are installed.
 *
 * <p>initdb refuses to run as root, and CI runs as root: then every server command runs through
 * {@code runuser} as Debian's {@code postgres} account, or {@code nobody} when there is none.
 */
public final class ThrowawayPostgres {
  public static final String SUPERUSER = "followthrough";

  private static ThrowawayPostgres shared;
  private static final AtomicInteger NAMES = new AtomicInteger();
  // Tests skip flushing to disk for speed; benchmarks set -Dfollowthrough.postgres.durable=true to
  // measure with PostgreSQL's defaults (every commit flushed).
  private static final boolean DURABLE = Boolean.getBoolean("followthrough.postgres.durable");

  private final Path bin;
  private final Path dir;
  private final List<String> asUser;
  private final String password = UUID.randomUUID().toString();
  private int port;

  private ThrowawayPostgres(Path bin, Path dir, List<String> asUser) {
    this.bin = bin;
    this.dir = dir;
    this.asUser = asUser;
  }

  private static final String MISSING = "PostgreSQL tests skipped: no initdb found through 'pg_config --bindir'"
      + " or in /usr/lib/postgresql/*/bin, or in -Dfollowthrough.postgres.bindir (install Debian's postgresql package)";

  /**
   * {@code @ExtendWith(ThrowawayPostgres.Available.class)} skips each test, with the reason, before
   * any of its set-up runs, when no server can be started.
   */
  public static final class Available implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getTestMethod().isEmpty() || binaries().isPresent()
          ? ConditionEvaluationResult.enabled("PostgreSQL binaries found")
          : ConditionEvaluationResult.disabled(MISSING);
    }
  }

  /** The server of this JVM, started on first use; skips the calling test when none can run. */
  public static synchronized ThrowawayPostgres shared() {
    Optional<Path> bin = binaries();
    Assumptions.assumeTrue(bin.isPresent(), MISSING);
    if (shared == null) {
      try {
        ThrowawayPostgres server = new ThrowawayPostgres(bin.get(),
            Files.createTempDirectory("followthrough-pg"), runAs());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop throwaway postgres"));
        shared = server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  public int port() {
    return port;
  }

  public Secret password() {
    return Secret.of(password);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Store settings for the superuser on {@code database}. */
  public PostgresSettings settings(String database) {
    return PostgresSettings.of(url(database), SUPERUSER, password());
  }

  /** A new empty database, named from {@code prefix}. */
  public String createDatabase(String prefix) {
    String name = prefix + "_" + NAMES.incrementAndGet();
    execute("postgres", "CREATE DATABASE " + name);
    return name;
  }

  /** Runs SQL as the superuser, as an administrator would. */
  public void execute(String database, String sql) {
    try (Connection c = DriverManager.getConnection(url(database), SUPERUSER, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private void start() throws IOException {
    Path data = dir.resolve("data");
    Path socket = Files.createDirectories(dir.resolve("sock"));
    Path pwfile = Files.writeString(dir.resolve("pwfile"), password + "\n");
    if (!asUser.isEmpty()) {
      run(List.of("chown", "-R", asUser.get(2), dir.toString()));
    }
    run(command("initdb", "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile, "-E", "UTF8",
        "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"));
    for (int attempt = 1; ; attempt++) {
      port = freePort();
      try {
        run(command("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
            "-o", "-p " + port + " -k " + socket + " -c listen_addresses=127.0.0.1 -c max_connections=300"
                + (DURABLE ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
            "start"));
        return;
      } catch (IllegalStateException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private void stop() {
    try {
      run(command("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
    } catch (RuntimeException e) {
      // Delete what we can; the log says more.
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temp directory left behind is harmless.
    }
  }

  private List<String> command(String program, String... args) {
    List<String> command = new ArrayList<>(asUser);
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    return command;
  }

  private void run(List<String> command) {
    try {
      Path out = Files.createTempFile("followthrough-pg", ".out");
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      boolean ended = p.waitFor(120, TimeUnit.SECONDS);
      String output = Files.readString(out, StandardCharsets.UTF_8);
      Files.deleteIfExists(out);
      if (!ended || p.exitValue() != 0) {
        p.destroyForcibly();
        String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Empty when this JVM is not root; otherwise runuser as an account initdb accepts. */
  private static List<String> runAs() {
    if (!"0".equals(output("id", "-u"))) {
      return List.of();
    }
    String user = output("id", "-u", "postgres") != null ? "postgres" : "nobody";
    return List.of("runuser", "-u", user, "--");
  }

  /** The system property {@code followthrough.postgres.bindir} overrides the search, to try another version. */
  static Optional<Path> binaries() {
    String chosen = System.getProperty("followthrough.postgres.bindir");
    if (chosen != null) {
      return Optional.of(Path.of(chosen)).filter(b -> Files.isExecutable(b.resolve("initdb")));
    }
    String fromPgConfig = output("pg_config", "--bindir");
    if (fromPgConfig != null && Files.isExecutable(Path.of(fromPgConfig, "initdb"))) {
      return Optional.of(Path.of(fromPgConfig));
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparingInt(b -> versionOf(b.getParent())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(Path versionDir) {
    try {
      return Integer.parseInt(versionDir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The command's first line of output, or null when it cannot run or fails. */
  private static String output(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.lines().findFirst().orElse("") : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
