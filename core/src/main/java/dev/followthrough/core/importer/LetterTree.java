package dev.followthrough.core.importer;

import java.util.Arrays;

/**
 * The keywords of up to 32 rules, of a-z and 0-9, as one tree of letters: which rules a word of a
 * text matches (it is one of their words, or starts with one of their stems) and which rules'
 * phrases it may start is read by walking the word once, without copying it out of the text or
 * hashing it.
 */
final class LetterTree {
  private static final int LETTERS = 36;

  /** The child of node n for letter c is at {@code next[n * LETTERS + c]}; 0 means none. */
  private int[] next = new int[LETTERS * 16];
  /** Per node, the rules (one bit each) whose word, stem or phrase start ends there. */
  private int[] words = new int[16];
  private int[] stems = new int[16];
  private int[] phrases = new int[16];
  private int nodes = 1;

  /** Keys with characters other than a-z and 0-9 never match a word and are left out. */
  void addWord(String key, int rule) {
    int node = node(key);
    if (node > 0) {
      words[node] |= 1 << rule;
    }
  }

  /** A stem, which any longer word may continue. */
  void addStem(String key, int rule) {
    int node = node(key);
    if (node > 0) {
      stems[node] |= 1 << rule;
    }
  }

  /** The letters a phrase's first word starts with. */
  void addPhraseStart(String letters, int rule) {
    int node = node(letters);
    if (node > 0) {
      phrases[node] |= 1 << rule;
    }
  }

  /**
   * The rules {@code text[start, end)} matches, in the low 32 bits, and the rules whose phrases it
   * starts as, in the high 32 bits.
   */
  long read(String text, int start, int end) {
    int node = 0;
    int matched = 0;
    int phrased = 0;
    for (int i = start; i < end; i++) {
      int c = index(text.charAt(i));
      node = c < 0 ? 0 : next[node * LETTERS + c];
      if (node == 0) {
        return both(matched, phrased);
      }
      matched |= stems[node];
      phrased |= phrases[node];
    }
    return both(matched | words[node], phrased);
  }

  private static long both(int matched, int phrased) {
    return (long) phrased << 32 | (matched & 0xFFFFFFFFL);
  }

  /** The node a key ends at, made if need be; -1 for a key that no word can spell. */
  private int node(String key) {
    int node = 0;
    for (int i = 0; i < key.length(); i++) {
      int c = index(key.charAt(i));
      if (c < 0) {
        return -1;
      }
      if (next[node * LETTERS + c] == 0) {
        grow();
        next[node * LETTERS + c] = nodes++;
      }
      node = next[node * LETTERS + c];
    }
    return node;
  }

  private void grow() {
    if (nodes == words.length) {
      words = Arrays.copyOf(words, nodes * 2);
      stems = Arrays.copyOf(stems, nodes * 2);
      phrases = Arrays.copyOf(phrases, nodes * 2);
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
