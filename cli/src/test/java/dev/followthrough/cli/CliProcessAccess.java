package dev.followthrough.cli;

import java.nio.file.Path;
import java.util.Map;

/** {@link CliProcess} for tests in the tracker modules' packages. */
public final class CliProcessAccess {
  private CliProcessAccess() {}

  public static CliRunner.Result run(Path workDir, Map<String, String> environment, String... args) throws Exception {
    return CliProcess.run(workDir, environment, args);
  }
}
