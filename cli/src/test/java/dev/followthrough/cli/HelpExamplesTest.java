package dev.followthrough.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help}, down to sub-subcommands, shows at least one example. */
class HelpExamplesTest {
  @Test
  void everyRegisteredCommandsHelpHasAnExample() {
    List<String> without = new ArrayList<>();
    collect(new CommandLine(new FollowthroughCli()), without);
    assertThat(without).as("commands whose --help has no 'Example' line").isEmpty();
  }

  private static void collect(CommandLine command, List<String> without) {
    command.getSubcommands().values().stream().distinct().forEach(sub -> {
      String name = sub.getCommandSpec().qualifiedName();
      if (!name.endsWith(" help") && !sub.getUsageMessage().contains("Example: followthrough")) {
        without.add(name);
      }
      collect(sub, without);
    });
  }
}
