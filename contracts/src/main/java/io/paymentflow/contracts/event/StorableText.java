package io.paymentflow.contracts.event;

import java.util.List;

/**
 * Text that PostgreSQL stores exactly as Java holds it.
 *
 * <p>Two kinds of character have no exact place in a {@code text} or {@code jsonb} value of a UTF-8
 * database: NUL (U+0000), which both refuse ({@code 22021}, {@code 22P05}), and an unpaired UTF-16
 * surrogate (from a JSON escape such as {@code "\ud800"}), which has no UTF-8 form at all, so the
 * driver would silently store {@code ?} instead. Lengths are counted as {@code varchar(n)} and
 * {@code char(n)} count them: in characters (code points), not in UTF-16 units.
 */
public final class StorableText {

  private static final char REPLACEMENT = '\uFFFD';

  private StorableText() {}

  /** Why {@code text} cannot be stored exactly (a {@link FieldError} code), or null. */
  public static String problem(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return FieldError.NUL_CHARACTER;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return FieldError.UNPAIRED_SURROGATE;
        }
      } else if (Character.isLowSurrogate(c)) {
        return FieldError.UNPAIRED_SURROGATE;
      }
    }
    return null;
  }

  /** Adds the {@link FieldError} for {@code field} to {@code problems} when its text has one. */
  public static void check(List<FieldError> problems, String field, String value) {
    String code = problem(value);
    if (code != null) {
      problems.add(new FieldError(field, code, describe(field, code)));
    }
  }

  /** The message that goes with {@link #problem}'s code, naming the field. */
  public static String describe(String field, String code) {
    return FieldError.NUL_CHARACTER.equals(code)
        ? field + " holds U+0000 (NUL), which PostgreSQL text and jsonb cannot store"
        : field + " holds an unpaired UTF-16 surrogate, which has no UTF-8 form";
  }

  /** Characters as {@code varchar(n)} and {@code char(n)} count them. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * {@code text} with every character {@link #problem} objects to replaced by U+FFFD. Only for
   * descriptive text this system writes (error messages, reviewer names already checked): never for
   * data, which is refused instead, so that nothing is stored other than as it was received.
   */
  public static String sanitized(String text) {
    if (problem(text) == null) {
      return text;
    }
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        clean.append(REPLACEMENT);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        clean.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        clean.append(REPLACEMENT);
      } else {
        clean.append(c);
      }
    }
    return clean.toString();
  }
}
