package dev.rollout.definitions.release;

import dev.rollout.definitions.version.SemVer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The signed form of a manifest. Written by hand rather than through Jackson so that the bytes
 * cannot drift with a library upgrade or a mapper setting; devices reproduce it from the README:
 *
 * <pre>{@code
 * {"type":"rollout.release-manifest.v1","product":"thermostat","version":"2.4.0",
 *  "hardwareModels":["th-100","th-200"],"size":1048576,"sha256":"<64 hex>","minServerApi":3,
 *  "criticalMigration":false,"deltaBases":["2.3.0"]}
 * }</pre>
 *
 * (one line, no whitespace at all). The leading {@code type} member keeps a signature over a
 * manifest from being valid for any other message the key might ever sign, and names the format.
 */
final class CanonicalJson {

  /** The first member of every canonical manifest. */
  static final String TYPE = "rollout.release-manifest.v1";

  private CanonicalJson() {}

  static byte[] encode(ReleaseManifest manifest) {
    StringBuilder out = new StringBuilder(256);
    out.append('{');
    string(out, "type").append(':');
    string(out, TYPE).append(',');
    string(out, "product").append(':');
    string(out, manifest.product()).append(',');
    string(out, "version").append(':');
    string(out, manifest.version().toString()).append(',');
    string(out, "hardwareModels").append(':');
    strings(out, manifest.hardwareModels()).append(',');
    string(out, "size").append(':').append(manifest.size()).append(',');
    string(out, "sha256").append(':');
    string(out, manifest.sha256()).append(',');
    string(out, "minServerApi").append(':').append(manifest.minServerApi()).append(',');
    string(out, "criticalMigration").append(':').append(manifest.criticalMigration()).append(',');
    string(out, "deltaBases").append(':');
    strings(out, manifest.deltaBases().stream().map(SemVer::toString).toList());
    return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static StringBuilder strings(StringBuilder out, List<String> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(out, values.get(i));
    }
    return out.append(']');
  }

  // The manifest refuses control characters, so only the quote and the backslash need escaping.
  private static StringBuilder string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"');
  }
}
