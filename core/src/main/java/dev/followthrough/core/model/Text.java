package dev.followthrough.core.model;

/** Small text helpers shared by the model's constructors. */
final class Text {
  private Text() {}

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
