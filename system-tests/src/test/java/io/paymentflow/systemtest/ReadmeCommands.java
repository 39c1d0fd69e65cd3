package io.paymentflow.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell commands of the README's code blocks, as a user would copy them: continuation lines
 * joined, comments dropped, each split into words the way a POSIX shell splits quoted text.
 */
final class ReadmeCommands {

  private ReadmeCommands() {}

  /** Every command in a fenced bash block of {@code readme} whose first word is {@code program}. */
  static List<List<String>> of(Path readme, String program) throws IOException {
    List<List<String>> commands = new ArrayList<>();
    boolean inBash = false;
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(readme)) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.strip().equals("```bash");
        continue;
      }
      if (!inBash || (pending.isEmpty() && line.strip().startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      List<String> words = words(pending.toString());
      if (words == null) {
        pending.append('\n'); // a quoted string goes on on the next line, as in a shell
        continue;
      }
      pending.setLength(0);
      if (!words.isEmpty() && words.get(0).equals(program)) {
        commands.add(words);
      }
    }
    return commands;
  }

  /**
   * Splits as a shell does: whitespace separates, '...' and "..." quote, \ escapes; null while a
   * quote is still open.
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\'
            && i + 1 < line.length()
            && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '|' || c == ';' || c == '&') {
        break; // a pipeline: these commands are the first part only
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      return null;
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
