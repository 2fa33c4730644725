package dev.rollout.agent.simulator;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Behaviour per release and hardware model: an entry for {@code version} and {@code model} wins,
 * then one for the version on every model, then {@link Behaviour#GOOD}.
 */
public record Behaviours(Map<String, Behaviour> byKey) {

  private static final String ANY = "*";

  public Behaviours {
    byKey = Map.copyOf(requireNonNull(byKey, "byKey"));
  }

  public static Behaviours allGood() {
    return new Behaviours(Map.of());
  }

  /** Adds {@code behaviour} for {@code version} on {@code model} ({@code "*"}: every model). */
  public Behaviours with(String version, String model, Behaviour behaviour) {
    Map<String, Behaviour> copy = new LinkedHashMap<>(byKey);
    copy.put(key(version, model), requireNonNull(behaviour, "behaviour"));
    return new Behaviours(copy);
  }

  public Behaviour of(String version, String model) {
    Behaviour exact = byKey.get(key(version, model));
    return exact != null ? exact : byKey.getOrDefault(key(version, ANY), Behaviour.GOOD);
  }

  private static String key(String version, String model) {
    return requireNonNull(version, "version") + "/" + requireNonNull(model, "model");
  }
}
