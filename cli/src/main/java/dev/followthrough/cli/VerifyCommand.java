package dev.followthrough.cli;

import dev.followthrough.core.Corrections;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.Verification;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify ITEM --effective|--ineffective|--undo}: records whether a done item's fix worked, or takes it back. */
@Command(footer = {"", "Example: followthrough verify 2025-01-10-orders-api-deadlock/lock-rows-in-one-fixed-order --effective --evidence https://dashboards.example.com/deadlocks"}, name = "verify", mixinStandardHelpOptions = true,
    description = {"Record whether a done action item's fix worked.",
        "This is the verification of effectiveness. An ineffective fix reopens the item, and its ticket at the",
        "next sync, or adds a follow-up item when the policy says 'ineffective:",
        "follow-up'. 'list --verification pending' shows the items awaiting it.",
        "--undo takes back a verification recorded by mistake."})
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ITEM", description = "<postmortem-id>/<item-id>, as 'list' shows it.")
  String item;

  static final class Outcome {
    @Option(names = "--effective", required = true, description = "The fix works.")
    boolean effective;

    @Option(names = "--ineffective", required = true, description = "The fix does not work.")
    boolean ineffective;

    @Option(names = "--undo", required = true, description = {"Take back the recorded verification (its history stays);",
        "an ineffective one that reopened the item makes it done again, and the next sync closes its ticket."})
    boolean undo;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Outcome outcome;

  @Option(names = "--evidence", paramLabel = "TEXT_OR_URL", description = "What shows it: a dashboard, a test run, a note.")
  String evidence;

  @Option(names = "--by", paramLabel = "WHO", description = "Who verified it (default: the USER environment variable).")
  String by;

  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ItemArgument target = ItemArgument.parse(item);
    if (outcome.undo) {
      return undo(target);
    }
    Verification.State state = outcome.effective ? Verification.State.EFFECTIVE : Verification.State.INEFFECTIVE;
    String who = who();
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = options.workspace()) {
      ActionItem saved = workspace.followthrough().verify(target.postmortemId(), target.itemId(), state, evidence, who);
      out.println("Recorded " + target + " as " + state.name().toLowerCase(java.util.Locale.ROOT)
          + (state == Verification.State.EFFECTIVE ? "." : saved.status().isClosed()
              ? "; a follow-up item was added, which the next sync gives a ticket."
              : "; the item is open again, and the next sync reopens its ticket."));
    }
    out.flush();
    return FollowthroughCli.OK;
  }

  private int undo(ItemArgument target) {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = options.workspace()) {
      var undone = Corrections.of(workspace.followthrough()).undoVerification(target.postmortemId(), target.itemId(), who());
      String was = undone.undone().name().toLowerCase(java.util.Locale.ROOT);
      out.println("Undid the " + was + " verification of " + target + " (kept in its history)"
          + (undone.doneAgain() ? "; the item is done again, awaiting verification, and the next sync closes its ticket."
          : undone.item().verification() != null ? "; it awaits verification again, due " + undone.item().verification().dueDate() + "."
          : "; the item stays " + undone.item().status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + " and is verified once it is done."));
      if (undone.undone() == Verification.State.INEFFECTIVE && !undone.doneAgain() && undone.item().status().isClosed()) {
        out.println("A follow-up item the verdict added stays; close it or mark it won't do if it is not needed.");
      }
    }
    out.flush();
    return FollowthroughCli.OK;
  }

  private String who() {
    return by != null ? by : System.getenv("USER");
  }
}
