package dev.rollout.definitions.release;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON form of manifest files (what {@code rollout release sign} reads and writes) and of
 * uploads. Strict: unknown or missing fields, duplicate keys and nulls are refused, because a field
 * the signature does not cover must not ride along unnoticed. This is not the signed form; see
 * {@link ReleaseManifest#canonicalBytes()}.
 */
public final class ManifestJson {

  /** Far above any real manifest; bounds what an upload can make the parser do. */
  public static final int MAX_LENGTH = 1_000_000;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxDocumentLength(MAX_LENGTH).build());
  }

  private ManifestJson() {}

  public static String write(ReleaseManifest manifest) {
    return writeValue(manifest);
  }

  public static String write(SignedManifest signed) {
    return writeValue(signed);
  }

  /** Throws IllegalArgumentException saying what is wrong. */
  public static ReleaseManifest readManifest(String json) {
    return read(json, ReleaseManifest.class);
  }

  /** Key id and signature may be absent (an unsigned upload); the manifest may not. */
  public static SignedManifest readSigned(String json) {
    return read(json, SignedManifest.class);
  }

  private static <T> T read(String json, Class<T> type) {
    if (json == null || json.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("expected JSON of at most " + MAX_LENGTH + " characters");
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  private static String describe(JsonProcessingException e) {
    Throwable cause = e.getCause();
    String message = e.getOriginalMessage();
    if (cause instanceof IllegalArgumentException) {
      message = cause.getMessage();
    } else if (cause instanceof NullPointerException) {
      // requireNonNull names the field; List.copyOf says nothing about a null element
      message =
          cause.getMessage() == null
              ? "a list must not contain null"
              : cause.getMessage() + " must not be null";
    }
    return e.getLocation() == null
        ? message
        : message
            + " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static String writeValue(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest always serializes", e);
    }
  }
}
