package dev.rollout.worker.temporal;

import dev.rollout.worker.config.StartupException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Opens the gRPC stubs to Temporal and proves at start-up that the service answers. */
final class TemporalConnections {

  private TemporalConnections() {}

  /**
   * @param target the embedded server's address, or the configured one
   * @throws StartupException with one line naming the address and the setting to change
   */
  static WorkflowServiceStubs connect(TemporalProperties properties, String target) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(options(properties, target));
    try {
      checkReachable(stubs, properties, target);
      return stubs;
    } catch (RuntimeException e) {
      stubs.shutdownNow();
      throw e;
    }
  }

  static WorkflowServiceStubsOptions options(TemporalProperties properties, String target) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(target);
    if (properties.hasClientCertificate()) {
      options.setSslContext(sslContext(properties.tlsCert(), properties.tlsKey()));
    } else if (properties.tls() || properties.hasApiKey()) {
      options.setEnableHttps(true);
    }
    if (properties.hasApiKey()) {
      String apiKey = properties.apiKey();
      options.addApiKey(() -> apiKey);
    }
    return options.build();
  }

  private static void checkReachable(
      WorkflowServiceStubs stubs, TemporalProperties properties, String target) {
    long deadline = properties.connectTimeout().toMillis();
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(deadline, TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      throw new StartupException(unreachable(properties, target, e), e);
    }
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(deadline, TimeUnit.MILLISECONDS)
          .describeNamespace(
              DescribeNamespaceRequest.newBuilder().setNamespace(properties.namespace()).build());
    } catch (StatusRuntimeException e) {
      // an API key scoped to one namespace may not be allowed to describe it: that is fine
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new StartupException(
            "Temporal at %s has no namespace '%s'; set TEMPORAL_NAMESPACE"
                .formatted(target, properties.namespace()),
            e);
      }
    }
  }

  private static String unreachable(
      TemporalProperties properties, String target, StatusRuntimeException e) {
    String hint =
        properties.isEmbedded()
            ? "the embedded server did not answer"
            : "set TEMPORAL_ADDRESS or unset it to use the embedded server";
    return "Cannot reach Temporal at %s (%s); %s".formatted(target, describe(e), hint);
  }

  static String describe(StatusRuntimeException e) {
    Status status = e.getStatus();
    StringBuilder text = new StringBuilder(status.getCode().name());
    if (status.getDescription() != null) {
      text.append(": ").append(status.getDescription());
    }
    if (status.getCause() != null) {
      text.append(": ").append(StartupException.rootMessage(status.getCause()));
    }
    return text.toString();
  }

  private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext sslContext(
      String certificate, String key) {
    try (InputStream cert = Files.newInputStream(Path.of(certificate));
        InputStream privateKey = Files.newInputStream(Path.of(key))) {
      return SimpleSslContextBuilder.forPKCS8(cert, privateKey).build();
    } catch (IOException e) {
      throw new StartupException(
          "Cannot read the Temporal client certificate %s or key %s (%s); check TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY"
              .formatted(certificate, key, StartupException.rootMessage(e)),
          e);
    }
  }
}
