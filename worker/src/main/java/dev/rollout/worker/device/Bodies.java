package dev.rollout.worker.device;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rollout.worker.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/**
 * Reads request bodies with a size limit before anything parses them: a body over the limit is
 * refused as 413 whether or not it announced its length, and never buffered beyond the limit.
 */
final class Bodies {

  static final int CHECK_IN_LIMIT = 16 * 1024;
  static final int EVENTS_LIMIT = 256 * 1024;
  static final int IMPORT_LIMIT = 128 * 1024 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Bodies() {}

  static byte[] read(HttpServletRequest request, int limit) throws IOException {
    if (request.getContentLengthLong() > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw tooLarge(limit);
      }
      return body;
    }
  }

  static JsonNode json(HttpServletRequest request, int limit) throws IOException {
    return parse(read(request, limit));
  }

  static JsonNode parse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw malformed("the body is empty");
      }
      return node;
    } catch (IOException e) {
      throw malformed("the body is not valid JSON");
    }
  }

  private static ApiException malformed(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", message);
  }

  private static ApiException tooLarge(int limit) {
    return new ApiException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "BODY_TOO_LARGE",
        "the body is larger than " + limit + " bytes");
  }
}
