package dev.rollout.worker.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rollout.activities.device.DeviceRegistry;
import dev.rollout.activities.device.ImportResult;
import dev.rollout.definitions.device.DeviceImport;
import dev.rollout.definitions.device.DeviceRecord;
import dev.rollout.definitions.device.Parsed;
import dev.rollout.worker.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /mgmt/v1/devices/import} (JSON or CSV): all devices or none. Operator security for
 * {@code /mgmt/v1} is a filter of its own, not this class's concern.
 */
@RestController
class DeviceImportController {

  record Imported(
      @JsonProperty("created") long created,
      @JsonProperty("updated") long updated,
      @JsonProperty("tokens") List<Token> tokens) {}

  record Token(@JsonProperty("deviceId") String deviceId, @JsonProperty("token") String token) {}

  private final DeviceRegistry registry;

  DeviceImportController(DeviceRegistry registry) {
    this.registry = registry;
  }

  @PostMapping(
      path = "/mgmt/v1/devices/import",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Imported importJson(HttpServletRequest request) throws IOException {
    return store(DeviceImport.json(Bodies.json(request, Bodies.IMPORT_LIMIT)));
  }

  @PostMapping(
      path = "/mgmt/v1/devices/import",
      consumes = "text/csv",
      produces = MediaType.APPLICATION_JSON_VALUE)
  Imported importCsv(HttpServletRequest request) throws IOException {
    byte[] body = Bodies.read(request, Bodies.IMPORT_LIMIT);
    return store(DeviceImport.csv(new String(body, StandardCharsets.UTF_8)));
  }

  private Imported store(Parsed<List<DeviceRecord>> devices) {
    if (!devices.isValid()) {
      throw ApiException.invalid("the import is invalid; nothing was stored", devices.problems());
    }
    ImportResult result = registry.importDevices(devices.value());
    return new Imported(
        result.created(),
        result.updated(),
        result.tokens().stream().map(t -> new Token(t.deviceId(), t.token())).toList());
  }
}
