package dev.followthrough.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** picocli's own option errors, reworded in the user's terms rather than Java's. */
final class OptionMessages {
  private static final Pattern CHOICE = Pattern.compile("expected one of \\[(.*)] \\(case-sensitive\\) but was '(.*)'$");
  private static final Pattern NUMBER = Pattern.compile("'(.*)' is not an? (?:int|long|integer|short)$");
  private static final Pattern CANNOT_CONVERT = Pattern.compile("cannot convert '(.*)' to (?:class |interface )?[\\w.$]+ \\(.*\\)$");

  private OptionMessages() {}

  static String plain(String raw) {
    // "Invalid value for option '--status' (S): ..." when the option has a parameter label.
    String message = raw.replaceFirst("^Invalid value for option '([^']+)' \\([^)]*\\): ", "$1: ");
    Matcher choice = CHOICE.matcher(message);
    if (choice.find()) {
      return message.substring(0, choice.start()) + "'" + choice.group(2) + "' is not one of " + choice.group(1);
    }
    Matcher number = NUMBER.matcher(message);
    if (number.find()) {
      return message.substring(0, number.start()) + "'" + number.group(1) + "' is not a whole number";
    }
    Matcher convert = CANNOT_CONVERT.matcher(message);
    if (convert.find()) {
      return message.substring(0, convert.start()) + "'" + convert.group(1) + "' cannot be read here";
    }
    return message;
  }
}
