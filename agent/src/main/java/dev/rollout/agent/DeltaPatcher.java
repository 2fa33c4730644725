package dev.rollout.agent;

import dev.rollout.definitions.release.Sha256;
import io.sigpipe.jbsdiff.Patch;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Applies a bsdiff delta (jbsdiff) to a base image, writing the reconstructed image. */
@FunctionalInterface
public interface DeltaPatcher {

  void patch(byte[] base, byte[] delta, OutputStream out) throws Exception;

  static DeltaPatcher bsdiff() {
    return Patch::patch;
  }

  /**
   * For the simulator: a patch is a pure function of base and delta, and each of jbsdiff's three
   * bzip2 streams allocates megabytes, so 10,000 devices applying the same delta to the same base
   * share one result. The bytes still stream through the device's writer and are hashed there.
   */
  static DeltaPatcher remembering(DeltaPatcher patcher) {
    Map<String, byte[]> results = new ConcurrentHashMap<>();
    return (base, delta, out) -> {
      String key = Sha256.hex(base) + "+" + Sha256.hex(delta);
      byte[] result = results.get(key);
      if (result == null) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        patcher.patch(base, delta, buffer);
        result = buffer.toByteArray();
        results.putIfAbsent(key, result);
      }
      out.write(result);
    };
  }
}
