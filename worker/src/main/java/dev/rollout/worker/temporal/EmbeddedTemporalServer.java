package dev.rollout.worker.temporal;

import dev.rollout.worker.config.StartupException;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java Temporal test server, in process and in real time (time skipping locked), listening on a
 * chosen address so the Temporal CLI, UI and any SDK can connect. The stock {@code
 * TestServer.createPortBoundServer} binds every interface and offers no place for our interceptor,
 * hence this launcher. Everything lives in memory: workflows do not survive a restart.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final TestServicesStarter services;
  private final Server server;
  private final String target;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedTemporalServer(TestServicesStarter services, Server server, String target) {
    this.services = services;
    this.server = server;
    this.target = target;
  }

  /**
   * @throws StartupException when the address cannot be bound (port taken), naming the property
   */
  public static EmbeddedTemporalServer start(String bindAddress, int port) {
    // true: time skipping locked, so timers fire in real time (a demo must not fast-forward)
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      InetAddress host = InetAddress.getByName(bindAddress);
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
              // clients of other SDKs (grpc-js) ping on long polls; the default policy cuts them
              // off
              .permitKeepAliveTime(10, TimeUnit.SECONDS)
              .permitKeepAliveWithoutCalls(true);
      GRPCServerHelper.registerServicesAndHealthChecks(
          services.getServices(), builder, List.of(new StickyQueueBypass()));
      Server server = builder.build().start();
      String target = clientTarget(host, server.getPort());
      log.info("Embedded Temporal server (in memory, real time) listening on {}", target);
      return new EmbeddedTemporalServer(services, server, target);
    } catch (UnknownHostException e) {
      services.close();
      throw new StartupException(
          "Unknown bind address '%s' for the embedded Temporal server; set rollout.temporal.embedded.bind-address"
              .formatted(bindAddress),
          e);
    } catch (IOException e) {
      services.close();
      throw new StartupException(
          ("Cannot start the embedded Temporal server on %s:%d (%s); set"
                  + " rollout.temporal.embedded.port (ROLLOUT_TEMPORAL_EMBEDDED_PORT) to a free port,"
                  + " or TEMPORAL_ADDRESS to use a running server")
              .formatted(bindAddress, port, StartupException.rootMessage(e)),
          e);
    }
  }

  /** {@code host:port} for clients; a wildcard bind is reached through loopback. */
  public String target() {
    return target;
  }

  /** Idempotent: both a shutdown hook and the owner may call it. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    services.close();
  }

  private static String clientTarget(InetAddress host, int port) {
    InetAddress reachable = host.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : host;
    String literal = reachable.getHostAddress();
    return (literal.contains(":") ? "[" + literal + "]" : literal) + ":" + port;
  }
}
