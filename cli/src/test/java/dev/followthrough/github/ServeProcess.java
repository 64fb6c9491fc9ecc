package dev.followthrough.github;

import dev.followthrough.cli.FollowthroughCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code followthrough serve} in a JVM of its own, its stdout read line by line. */
final class ServeProcess implements AutoCloseable {
  final Process process;
  final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  final StringBuilder err = new StringBuilder();
  final List<String> seen = new ArrayList<>();

  ServeProcess(Path workDir, Map<String, String> environment, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), FollowthroughCli.class.getName(), "serve"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().putAll(environment);
    process = builder.start();
    pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), lines::add);
    pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), l -> {
      synchronized (err) {
        err.append(l).append('\n');
      }
    });
  }

  private static void pump(BufferedReader reader, java.util.function.Consumer<String> to) {
    Thread t = new Thread(() -> {
      try {
        for (String line; (line = reader.readLine()) != null; ) {
          to.accept(line);
        }
      } catch (IOException e) {
        // The process ended.
      }
    });
    t.setDaemon(true);
    t.start();
  }

  /** The next stdout line that matches, waiting up to 30 s. */
  String await(Predicate<String> wanted) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (wanted.test(line)) {
          return line;
        }
      } else if (!process.isAlive() && lines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("serve printed no such line; stdout " + seen + ", stderr " + stderr());
  }

  URI awaitListening() throws InterruptedException {
    String line = await(l -> l.startsWith("listening on "));
    return URI.create(line.substring("listening on ".length()).strip());
  }

  String stderr() {
    synchronized (err) {
      return err.toString();
    }
  }

  /** Sends SIGTERM and waits for the process to end; its exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("serve did not stop within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
