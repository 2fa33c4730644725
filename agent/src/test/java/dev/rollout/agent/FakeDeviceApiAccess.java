package dev.rollout.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollout.definitions.release.SignedManifest;
import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.util.List;

/**
 * The fake device API for the simulator's tests (another package): a fleet-wide responder that
 * offers one release, with a delta from the fleet's version, to every device not yet running it.
 */
public final class FakeDeviceApiAccess implements AutoCloseable {

  public static final String ADMIN_TOKEN = FakeDeviceApi.ADMIN_TOKEN;

  private final FakeDeviceApi api;

  private FakeDeviceApiAccess(FakeDeviceApi api) {
    this.api = api;
  }

  public static KeyPair newKey() {
    return Releases.newKey();
  }

  public static FakeDeviceApiAccess withRelease(KeyPair key, String from, String to)
      throws Exception {
    FakeDeviceApi api = new FakeDeviceApi();
    api.keepCheckIns(false);
    byte[] base = Releases.image(from);
    byte[] target = Releases.image(to);
    byte[] delta = Releases.delta(base, target);
    api.artifact(Releases.artifactPath(from), base);
    api.artifact(Releases.artifactPath(to), target);
    api.artifact(Releases.deltaPath(to, from), delta);
    SignedManifest signed = Releases.sign(key, to, target, from);
    String offer =
        Releases.withDelta(Releases.offer("UPDATE", signed), from, delta)
            .put("nextCheckInSeconds", 600)
            .toString();
    String none = "{\"action\":\"NONE\",\"nextCheckInSeconds\":600}";
    api.respond((device, checkIn) -> to.equals(checkIn.path("version").asText()) ? none : offer);
    return new FakeDeviceApiAccess(api);
  }

  public URI base() {
    return api.base();
  }

  public List<JsonNode> events(String deviceId) {
    return api.events(deviceId);
  }

  @Override
  public void close() throws IOException {
    api.close();
  }
}
