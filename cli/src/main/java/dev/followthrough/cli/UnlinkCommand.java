package dev.followthrough.cli;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.model.TicketLink;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unlink ITEM}: forgets an item's ticket, so that the next sync creates a new one. */
@Command(footer = {"", "Example: followthrough unlink 2025-01-10-orders-api-deadlock/lock-rows-in-one-fixed-order"}, name = "unlink", mixinStandardHelpOptions = true,
    description = {"Forget an item's ticket link; the next sync makes a new one.",
        "Typically after its ticket was deleted in the tracker ('plan' and 'sync' name such items).",
        "A create still in progress is refused: run 'sync' first, which settles it."})
final class UnlinkCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ITEM", description = "<postmortem-id>/<item-id>, as 'list' shows it.")
  String item;

  @Option(names = "--tracker", paramLabel = "TYPE",
      description = "Only the link to this tracker (jira, github…); default: every link of the item.")
  String tracker;

  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ItemArgument target = ItemArgument.parse(item);
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = options.workspace()) {
      Followthrough ft = workspace.followthrough();
      List<TicketLink> removed = ft.unlink(target.postmortemId(), target.itemId(), tracker);
      if (removed.isEmpty()) {
        out.println(item + " has no ticket link" + (tracker == null ? "" : " to " + tracker) + "; nothing to do.");
      }
      for (TicketLink link : removed) {
        out.println("Unlinked " + item + " from " + link.tracker() + " " + link.key()
            + (link.isDeleted() ? " (deleted in the tracker)" : "") + "; the next sync creates a new ticket.");
      }
    }
    out.flush();
    return FollowthroughCli.OK;
  }
}
