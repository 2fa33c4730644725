package dev.rollout.definitions.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rollout.definitions.release.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * The canonical JSON of an event (its content in a fixed order, parsed values only) and its
 * SHA-256: a replay of the same event has the same digest however the device spelled it, and an
 * event id reused for other content does not.
 */
public final class EventDigest {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private EventDigest() {}

  public static String json(DeviceEvent event) {
    try {
      return MAPPER.writeValueAsString(event.content());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event's content is plain JSON values", e);
    }
  }

  public static String of(DeviceEvent event) {
    return Sha256.hex(json(event).getBytes(StandardCharsets.UTF_8));
  }
}
