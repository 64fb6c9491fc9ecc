package dev.followthrough.cli;

/** An ITEM argument: {@code <postmortem-id>/<item-id>}, as {@code list} shows it. */
record ItemArgument(String postmortemId, String itemId) {
  static ItemArgument parse(String text) {
    int slash = text.indexOf('/');
    if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
      throw new CommandFailedException("ITEM must be <postmortem-id>/<item-id> as 'followthrough list' shows it, got '"
          + text + "'", FollowthroughCli.BAD_INPUT);
    }
    return new ItemArgument(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return postmortemId + "/" + itemId;
  }
}
