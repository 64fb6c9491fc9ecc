package dev.followthrough.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints a shell completion script generated from the commands and options themselves. */
@Command(name = "completion",
    description = {"Print a completion script for bash or zsh.",
        "Load it in the current shell with: source <(followthrough completion bash)", "",
        "Example: followthrough completion bash > /etc/bash_completion.d/followthrough"})
final class CompletionCommand implements Callable<Integer> {
  enum Shell { bash, zsh }

  @Parameters(paramLabel = "SHELL", description = "bash or zsh (zsh reads the same script through bashcompinit).")
  Shell shell;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script = AutoComplete.bash("followthrough", root);
    if (shell == Shell.zsh) {
      script = "autoload -U +X bashcompinit && bashcompinit\n" + script;
    }
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return FollowthroughCli.OK;
  }
}
