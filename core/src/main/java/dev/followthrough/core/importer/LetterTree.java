package dev.followthrough.core.importer;

import java.util.Arrays;

/**
 * Keywords of a-z and 0-9 as a tree of letters: whether a word of a text is one of them, starts
 * with one of the stems, or starts as a phrase does, is read by walking the word once, without
 * copying it out of the text or hashing it.
 */
final class LetterTree {
  private static final int LETTERS = 36;
  /** What {@link #read} found: the word is a keyword or starts with a stem. */
  static final int MATCH = 1;
  /** What {@link #read} found: the word starts with the first letters of a phrase. */
  static final int PHRASE = 2;
  private static final int WORD = 1;
  private static final int STEM = 2;
  private static final int PHRASE_START = 4;

  /** The child of node n for letter c is at {@code next[n * LETTERS + c]}; 0 means none. */
  private int[] next = new int[LETTERS * 16];
  private byte[] ends = new byte[16];
  private int nodes = 1;

  /** Adds a word, or a stem that any longer word may continue; keys with other characters never match a word and are left out. */
  void add(String key, boolean stem) {
    add(key, stem ? STEM : WORD);
  }

  /** Adds the letters a phrase's first word starts with. */
  void addPhraseStart(String letters) {
    add(letters, PHRASE_START);
  }

  private void add(String key, int end) {
    int node = 0;
    for (int i = 0; i < key.length(); i++) {
      int c = index(key.charAt(i));
      if (c < 0) {
        return;
      }
      if (next[node * LETTERS + c] == 0) {
        grow();
        next[node * LETTERS + c] = nodes++;
      }
      node = next[node * LETTERS + c];
    }
    ends[node] |= (byte) end;
  }

  /** {@link #MATCH} and {@link #PHRASE}, as far as {@code text[start, end)} is either. */
  int read(String text, int start, int end) {
    int node = 0;
    int found = 0;
    for (int i = start; i < end; i++) {
      int c = index(text.charAt(i));
      node = c < 0 ? 0 : next[node * LETTERS + c];
      if (node == 0) {
        return found;
      }
      if ((ends[node] & STEM) != 0) {
        return MATCH;
      }
      found |= (ends[node] & PHRASE_START) != 0 ? PHRASE : 0;
    }
    return (ends[node] & WORD) != 0 ? MATCH : found;
  }

  private void grow() {
    if (nodes == ends.length) {
      ends = Arrays.copyOf(ends, nodes * 2);
      next = Arrays.copyOf(next, nodes * 2 * LETTERS);
    }
  }

  private static int index(char c) {
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    return c >= '0' && c <= '9' ? 26 + c - '0' : -1;
  }
}
