package dev.rollout.worker.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rollout.activities.release.KeyRegistry;
import dev.rollout.activities.release.SigningKey;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Public keys of product lines: register, list, revoke (admin only, by the mgmt security). */
@RestController
@RequestMapping("/mgmt/v1/keys")
class KeysController {

  private final KeyRegistry keys;

  KeysController(KeyRegistry keys) {
    this.keys = keys;
  }

  record KeyRequest(
      @JsonProperty("product") String product, @JsonProperty("publicKeyPem") String publicKeyPem) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record KeyResponse(
      @JsonProperty("keyId") String keyId,
      @JsonProperty("product") String product,
      @JsonProperty("publicKeyPem") String publicKeyPem,
      @JsonProperty("createdAt") Instant createdAt,
      @JsonProperty("revokedAt") Instant revokedAt) {

    static KeyResponse of(SigningKey key) {
      return new KeyResponse(
          key.keyId(), key.product(), key.publicKeyPem(), key.createdAt(), key.revokedAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  KeyResponse register(@RequestBody KeyRequest request) {
    return ReleaseErrors.mapped(
        () -> KeyResponse.of(keys.register(request.product(), request.publicKeyPem())));
  }

  @GetMapping
  List<KeyResponse> list() {
    return keys.list().stream().map(KeyResponse::of).toList();
  }

  /** Revokes the key: it verifies no new registration; releases it signed stay. */
  @DeleteMapping("/{keyId}")
  KeyResponse revoke(@PathVariable String keyId) {
    return keys.revoke(keyId)
        .map(KeyResponse::of)
        .orElseThrow(() -> ReleaseErrors.notFound("no key " + keyId));
  }
}
