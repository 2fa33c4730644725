package dev.rollout.definitions.release;

import static java.util.Objects.requireNonNull;

import java.util.Base64;

/** The PEM text form of RFC 7468 (label lines around base64 DER), without headers. */
final class Pem {

  private static final int COLUMNS = 64;

  private Pem() {}

  static String write(String label, byte[] der) {
    String body = Base64.getMimeEncoder(COLUMNS, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  static byte[] read(String label, String pem) {
    String text = requireNonNull(pem, label).strip();
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    if (!text.startsWith(begin)
        || !text.endsWith(end)
        || text.length() < begin.length() + end.length()) {
      throw new IllegalArgumentException(
          "expected text from '" + begin + "' to '" + end + "'" + labelHint(text));
    }
    String body = text.substring(begin.length(), text.length() - end.length());
    try {
      // The MIME decoder skips line breaks (CRLF too) but also any stray character, so check first.
      if (!body.matches("[A-Za-z0-9+/=\\s]*")) {
        throw new IllegalArgumentException("unexpected characters between the PEM lines");
      }
      return Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the " + label + " PEM is not base64: " + e.getMessage(), e);
    }
  }

  private static String labelHint(String text) {
    int start = text.indexOf("-----BEGIN ");
    if (start < 0) {
      return "";
    }
    int close = text.indexOf("-----", start + 11);
    return close < 0 ? "" : ", got '" + text.substring(start, close + 5) + "'";
  }
}
