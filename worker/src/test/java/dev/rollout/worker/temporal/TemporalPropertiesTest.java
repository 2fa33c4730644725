package dev.rollout.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollout.worker.config.StartupException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemporalPropertiesTest {

  private static final Validator validator =
      Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void noAddressMeansTheEmbeddedServer() {
    assertThat(properties("", null, null, null, false).isEmbedded()).isTrue();
    assertThat(properties("temporal.example:7233", null, null, null, false).isEmbedded()).isFalse();
  }

  @Test
  void aCertificateWithoutItsKeyIsRejected() {
    assertThat(messages(properties("t:7233", null, "/cert.pem", null, false)))
        .containsExactly("set both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY, or neither");
  }

  @Test
  void credentialsWithoutAnAddressAreRejected() {
    assertThat(messages(properties("", "secret", null, null, false)))
        .singleElement()
        .asString()
        .startsWith("TEMPORAL_API_KEY, TEMPORAL_TLS, TEMPORAL_TLS_CERT need TEMPORAL_ADDRESS");
  }

  @Test
  void anApiKeyMeansTlsAndABearerToken() {
    var options =
        TemporalConnections.options(
            properties("ns.acct.tmprl.cloud:7233", "secret", null, null, false),
            "ns.acct.tmprl.cloud:7233");

    assertThat(options.getEnableHttps()).isTrue();
    assertThat(options.getGrpcMetadataProviders()).isNotEmpty();
  }

  @Test
  void unreadableCertificateFilesFailWithOneLineNamingTheSettings() {
    assertThatThrownBy(
            () ->
                TemporalConnections.options(
                    properties("t:7233", null, "/nope/cert.pem", "/nope/key.pem", false), "t:7233"))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("Cannot read the Temporal client certificate /nope/cert.pem")
        .hasMessageEndingWith("check TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY");
  }

  @Test
  void aPlainAddressIsPlainText() {
    var options =
        TemporalConnections.options(
            properties("temporal:7233", null, null, null, false), "temporal:7233");

    assertThat(options.getEnableHttps()).isFalse();
    assertThat(options.getSslContext()).isNull();
  }

  private static TemporalProperties properties(
      String address, String apiKey, String cert, String key, boolean tls) {
    return new TemporalProperties(
        address,
        "default",
        apiKey,
        cert,
        key,
        tls,
        Duration.ofSeconds(5),
        new TemporalProperties.Embedded("127.0.0.1", 7233));
  }

  private static Set<String> messages(TemporalProperties properties) {
    return validator.validate(properties).stream()
        .map(ConstraintViolation::getMessage)
        .collect(Collectors.toSet());
  }
}
