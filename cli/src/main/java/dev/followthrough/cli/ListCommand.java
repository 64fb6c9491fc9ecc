package dev.followthrough.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.followthrough.core.json.JsonFormat;
import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.report.TextTable;
import dev.followthrough.core.store.ItemQuery;
import dev.followthrough.core.store.ItemRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list}: prints the stored action items. */
@Command(footer = {"", "Example: followthrough list --status OPEN --owner erin"}, name = "list", mixinStandardHelpOptions = true, description = "List the action items in the store.")
final class ListCommand implements Callable<Integer> {
  enum Format { json, text }

  @Option(names = "--status", paramLabel = "S", split = ",",
      description = "Only items with these statuses (${COMPLETION-CANDIDATES}); comma-separated.")
  Set<ItemStatus> statuses;

  @Option(names = "--owner", paramLabel = "O", description = "Only items of this owner (handle, @handle or e-mail).")
  String owner;

  @Option(names = "--postmortem", paramLabel = "ID", description = "Only items of this postmortem.")
  String postmortem;

  enum VerificationFilter { pending, overdue, effective, ineffective }

  @Option(names = "--verification", paramLabel = "V",
      description = "Only done items whose verification is ${COMPLETION-CANDIDATES} (overdue: pending past its due date).")
  VerificationFilter verification;

  @Option(names = "--as-of", paramLabel = "DATE", description = "The day 'overdue' is counted from (default: today).")
  java.time.LocalDate asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "json or text (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin ConfigOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = options.workspace()) {
      // The store selects by owner, status and postmortem (in SQL for PostgreSQL); verification is checked here.
      ItemQuery query = ItemQuery.all().withOwner(owner).withStatuses(statuses).withPostmortemId(postmortem);
      List<ItemRow> rows = workspace.store().findItems(query).stream()
          .filter(r -> verification == null || matchesVerification(r.item().verification())).toList();
      if (format == Format.json) {
        JsonFormat json = JsonFormat.json();
        ObjectNode root = json.object();
        root.put("schemaVersion", JsonFormat.SCHEMA_VERSION);
        ArrayNode items = root.putArray("actionItems");
        rows.forEach(r -> items.add(json.itemTree(r.postmortemId(), r.item())));
        out.print(json.write(root));
      } else {
        TextTable table = verification == null
            ? new TextTable(70, "POSTMORTEM", "ITEM", "PRIORITY", "STATUS", "OWNER", "DUE", "TICKET", "TITLE")
            : new TextTable(70, "POSTMORTEM", "ITEM", "VERIFICATION", "VERIFY BY", "CRITERION", "TICKET", "TITLE");
        for (ItemRow row : rows) {
          ActionItem item = row.item();
          if (verification == null) {
            table.row(row.postmortemId(), item.id(), item.priority(), item.status(), item.owner(), item.dueDate(),
                ticket(item), item.title());
          } else {
            table.row(row.postmortemId(), item.id(), item.verification().state(), item.verification().dueDate(),
                item.verification().criterion(), ticket(item), item.title());
          }
        }
        // Whether the store is empty is only asked when nothing matched.
        out.print(table.isEmpty() ? "No action items" + (workspace.store().findAll().isEmpty()
            ? " (the store " + workspace.config().store().describe() + " is empty; run 'followthrough import PATH' first).\n" : " match.\n")
            : table.render());
      }
    }
    out.flush();
    return FollowthroughCli.OK;
  }

  /** The item's tickets with what is known of them: {@code OPS-3}, {@code OPS-4 (deleted)}, {@code (creating)}. */
  static String ticket(ActionItem item) {
    return item.tickets().stream().map(t -> switch (t.state()) {
      case LINKED -> t.key();
      case DELETED -> t.key() + " (deleted)";
      case PENDING -> "(creating)";
    }).distinct().reduce((a, b) -> a + ", " + b).orElse(null);
  }

  private boolean matchesVerification(dev.followthrough.core.model.Verification v) {
    if (v == null) {
      return false;
    }
    return switch (verification) {
      case pending -> v.isPending();
      case overdue -> v.isOverdue(asOf != null ? asOf : java.time.LocalDate.now());
      case effective -> v.state() == dev.followthrough.core.model.Verification.State.EFFECTIVE;
      case ineffective -> v.state() == dev.followthrough.core.model.Verification.State.INEFFECTIVE;
    };
  }
}
