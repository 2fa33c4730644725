package dev.rollout.worker.mgmt.openapi;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the hand-written OpenAPI description of {@code /mgmt/v1}, readable without a token. Hand
 * written rather than generated: it covers endpoints of every part and the roles they need, and a
 * test checks it against the controllers actually mapped.
 */
@RestController
class OpenApiController {

  static final String RESOURCE = "/dev/rollout/worker/mgmt/openapi.json";

  private final byte[] document;

  OpenApiController() throws IOException {
    try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      document = in.readAllBytes();
    }
  }

  @GetMapping("/mgmt/v1/openapi.json")
  ResponseEntity<byte[]> document() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
  }
}
