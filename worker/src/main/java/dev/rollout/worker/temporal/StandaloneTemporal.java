package dev.rollout.worker.temporal;

import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;

/**
 * The embedded Temporal server without the engine, for workers in other processes (the worker-crash
 * tests of issue 6 kill a worker and start another against a server that stays up).
 */
public final class StandaloneTemporal {

  private StandaloneTemporal() {}

  /** Starts the server with the rollout search attributes registered; the caller closes it. */
  public static EmbeddedTemporalServer start(String bindAddress, int port) {
    EmbeddedTemporalServer server = EmbeddedTemporalServer.start(bindAddress, port);
    OperatorServiceStubs stubs =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(server.target())
                .validateAndBuildWithDefaults());
    try {
      RolloutSearchAttributes.register(stubs, "default", true);
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    } finally {
      stubs.shutdownNow();
    }
  }
}
