package dev.rollout.worker.temporal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the Temporal service is. With no {@code address} the engine starts its own embedded server
 * ({@link EmbeddedTemporalServer}); with one it connects to that cluster or to Temporal Cloud.
 *
 * @param address {@code host:port} of a Temporal frontend ({@code TEMPORAL_ADDRESS}); blank means
 *     embedded
 * @param namespace {@code TEMPORAL_NAMESPACE}
 * @param apiKey Temporal Cloud API key ({@code TEMPORAL_API_KEY}); implies TLS
 * @param tlsCert client certificate (PEM) for mTLS ({@code TEMPORAL_TLS_CERT})
 * @param tlsKey its PKCS#8 private key (PEM) ({@code TEMPORAL_TLS_KEY})
 * @param tls server-authenticated TLS without a client certificate ({@code TEMPORAL_TLS})
 * @param connectTimeout how long the start-up reachability check waits
 * @param embedded the embedded server's listening address
 */
@Validated
@ConfigurationProperties("rollout.temporal")
public record TemporalProperties(
    String address,
    @NotBlank @DefaultValue("default") String namespace,
    String apiKey,
    String tlsCert,
    String tlsKey,
    @DefaultValue("false") boolean tls,
    @NotNull @DefaultValue("5s") Duration connectTimeout,
    @Valid @NotNull @DefaultValue Embedded embedded) {

  /**
   * @param bindAddress loopback by default: the test server has no authentication
   * @param port 7233 is what the Temporal CLI, UI and SDKs expect by default
   */
  public record Embedded(
      @NotBlank @DefaultValue("127.0.0.1") String bindAddress,
      @Min(1) @Max(65535) @DefaultValue("7233") int port) {}

  public boolean isEmbedded() {
    return isBlank(address);
  }

  boolean hasApiKey() {
    return !isBlank(apiKey);
  }

  boolean hasClientCertificate() {
    return !isBlank(tlsCert);
  }

  @AssertTrue(message = "set both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY, or neither")
  public boolean isTlsPairComplete() {
    return isBlank(tlsCert) == isBlank(tlsKey);
  }

  @AssertTrue(
      message =
          "TEMPORAL_API_KEY, TEMPORAL_TLS, TEMPORAL_TLS_CERT need TEMPORAL_ADDRESS (the embedded"
              + " server has neither TLS nor authentication)")
  public boolean isSecurityOnlyWithAddress() {
    return !isEmbedded() || (!hasApiKey() && !hasClientCertificate() && !tls);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
