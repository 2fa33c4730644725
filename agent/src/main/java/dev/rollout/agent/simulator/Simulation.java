package dev.rollout.agent.simulator;

import dev.rollout.agent.Agent;
import dev.rollout.agent.AgentRuntime;
import dev.rollout.agent.ImageCache;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A running simulation: live counters, the fleet's versions, and {@link #close()} to stop it. */
public final class Simulation implements AutoCloseable {

  private final List<Agent> agents;
  private final AgentRuntime runtime;
  private final FleetStats stats;
  private final ImageCache cache;

  Simulation(List<Agent> agents, AgentRuntime runtime, FleetStats stats, ImageCache cache) {
    this.agents = List.copyOf(agents);
    this.runtime = runtime;
    this.stats = stats;
    this.cache = cache;
  }

  public SimulationStats stats() {
    return stats.snapshot();
  }

  /** Answers with this HTTP status (0: network errors) on any call, since the start. */
  public long httpErrors(int status) {
    return stats.httpErrors(status);
  }

  /**
   * Per device, the ids of the events the server answered 200 for (stored, or already stored): what
   * the store must hold exactly once. A moment's view while agents run.
   */
  public Map<String, Set<String>> acknowledgedEvents() {
    return stats.acknowledgedEvents();
  }

  /** Devices per running version; read while agents run, so a moment's view. */
  public Map<String, Long> runningVersions() {
    Map<String, Long> counts = new TreeMap<>();
    for (Agent agent : agents) {
      counts.merge(agent.runningVersion().toString(), 1L, Long::sum);
    }
    return counts;
  }

  public int devices() {
    return agents.size();
  }

  /** Distinct images held for the whole fleet (one per version seen). */
  public int cachedImages() {
    return cache.size();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
