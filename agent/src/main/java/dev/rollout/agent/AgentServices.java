package dev.rollout.agent;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.release.ManifestVerifier;
import dev.rollout.definitions.release.TrustedKeys;
import dev.rollout.definitions.release.Verification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The pure computations an agent runs on what it is sent: manifest verification and delta patching.
 * A device has its own; the simulator shares remembering ones across its agents, since 10,000
 * agents verify the same few manifests and patch the same few deltas (same input, same answer).
 */
public record AgentServices(Function<String, Verification> verifier, DeltaPatcher patcher) {

  public AgentServices {
    requireNonNull(verifier, "verifier");
    requireNonNull(patcher, "patcher");
  }

  public static AgentServices of(TrustedKeys trustedKeys) {
    return new AgentServices(new ManifestVerifier(trustedKeys)::verify, DeltaPatcher.bsdiff());
  }

  /** Thread-safe, bounded by the distinct manifests and deltas a fleet sees. */
  public static AgentServices shared(TrustedKeys trustedKeys) {
    ManifestVerifier verifier = new ManifestVerifier(trustedKeys);
    Map<String, Verification> verdicts = new ConcurrentHashMap<>();
    return new AgentServices(
        json -> verdicts.computeIfAbsent(json, verifier::verify),
        DeltaPatcher.remembering(DeltaPatcher.bsdiff()));
  }
}
