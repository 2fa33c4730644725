package dev.rollout.worker.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.worker.EngineTest;
import dev.rollout.worker.cli.RolloutCliAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The release pipeline end to end: keys and manifests made by the offline CLI, registered through
 * the mgmt API of the running engine. The database is shared with other tests: products and
 * versions are unique per test.
 */
class ReleaseApiIT extends EngineTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired private TestRestTemplate http;

  @BeforeEach
  void asAdmin() {
    String token = adminToken();
    http.getRestTemplate()
        .setInterceptors(
            List.of(
                (request, body, execution) -> {
                  request.getHeaders().setBearerAuth(token);
                  return execution.execute(request, body);
                }));
  }

  @TempDir Path dir;

  private final String product = "rel-" + Long.toString(System.nanoTime(), 36);
  private final int major = ThreadLocalRandom.current().nextInt(100_000, 999_999);

  @Test
  void aReleaseMadeByTheCliRegistersWithADeltaAndIdempotently() throws Exception {
    String keyId = registerKey(generateKey());
    byte[] base = image(1, 120_000);
    byte[] next = base.clone();
    next[5000] ^= 0x7f;
    assertThat(upload(sign(version(0), base)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    Path manifest = sign(version(1), next, "--delta-base", version(0));
    ResponseEntity<String> created = upload(manifest);

    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = JSON.readTree(created.getBody());
    assertThat(body.get("version").asText()).isEqualTo(version(1));
    assertThat(body.get("product").asText()).isEqualTo(product);
    assertThat(body.get("keyId").asText()).isEqualTo(keyId);
    assertThat(body.get("size").asLong()).isEqualTo(next.length);
    assertThat(body.get("sha256").asText()).isEqualTo(Sha256.hex(next));
    assertThat(body.get("deltas").get(0).get("from").asText()).isEqualTo(version(0));
    assertThat(artifacts().resolve("releases/" + version(1) + "/delta-from-" + version(0) + ".bin"))
        .exists();

    ResponseEntity<String> again = upload(manifest);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(again.getBody()).get("alreadyRegistered").asBoolean()).isTrue();
    assertThat(JSON.readTree(http.getForObject(url("/mgmt/v1/releases"), String.class)))
        .anySatisfy(r -> assertThat(r.get("version").asText()).isEqualTo(version(1)));
  }

  @Test
  void acceptsArtifactsAboveBootsDefaultMultipartLimit() throws Exception {
    registerKey(generateKey());
    byte[] image = image(5, 3 * 1024 * 1024);

    ResponseEntity<String> created = upload(sign(version(0), image));

    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(Files.size(artifacts().resolve("releases/" + version(0) + "/image.bin")))
        .isEqualTo(image.length);
  }

  @Test
  void aTamperedArtifactIsRefusedWithItsCodeAndNothingStored() throws Exception {
    registerKey(generateKey());
    byte[] image = image(2, 10_000);
    Path manifest = sign(version(0), image);
    Files.write(dir.resolve("fw.bin"), image(3, 10_000));

    ResponseEntity<String> refused = upload(manifest);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(JSON.readTree(refused.getBody()).get("code").asText()).isEqualTo("HASH_MISMATCH");
    assertThat(artifacts().resolve("releases/" + version(0))).doesNotExist();
  }

  @Test
  void aManifestSignedByAnUnregisteredKeyIsRefused() throws Exception {
    generateKey();
    ResponseEntity<String> refused = upload(sign(version(0), image(4, 1000)));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(JSON.readTree(refused.getBody()).get("code").asText()).isEqualTo("UNKNOWN_KEY");
  }

  @Test
  void aMultipartWithoutTheArtifactIsABadRequest() throws Exception {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("manifest", "{}");

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<String> answer =
        http.postForEntity(
            url("/mgmt/v1/releases"), new HttpEntity<>(parts, headers), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(answer.getBody()).get("code").asText()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void keysAreListedAndRevoked() throws Exception {
    String keyId = registerKey(generateKey());

    ResponseEntity<String> revoked =
        http.exchange(url("/mgmt/v1/keys/" + keyId), HttpMethod.DELETE, null, String.class);

    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(revoked.getBody()).has("revokedAt")).isTrue();
    assertThat(JSON.readTree(http.getForObject(url("/mgmt/v1/keys"), String.class)))
        .anySatisfy(k -> assertThat(k.get("keyId").asText()).isEqualTo(keyId));
    assertThat(
            http.exchange(
                    url("/mgmt/v1/keys/ffffffffffffffff"), HttpMethod.DELETE, null, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> bad =
        http.postForEntity(url("/mgmt/v1/keys"), Map.of("product", "Bad Name"), String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(bad.getBody()).get("problems")).hasSize(2);
  }

  @Test
  void thePolicyIsReadReplacedAndValidated() throws Exception {
    String original = http.getForObject(url("/mgmt/v1/policy"), String.class);
    try {
      Map<String, Object> policy =
          Map.of(
              "minSupportedVersion",
              "1.0.0",
              "serverApiVersion",
              1,
              "criticalMigrations",
              java.util.List.of("900000.0.0"));
      ResponseEntity<String> put = put(policy);
      assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(JSON.readTree(http.getForObject(url("/mgmt/v1/policy"), String.class)))
          .isEqualTo(JSON.valueToTree(policy));

      ResponseEntity<String> invalid =
          put(Map.of("minSupportedVersion", "x", "serverApiVersion", 0));
      assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(JSON.readTree(invalid.getBody()).get("problems"))
          .extracting(p -> p.get("path").asText())
          .containsExactly("minSupportedVersion", "serverApiVersion", "criticalMigrations");
    } finally {
      put(JSON.readValue(original, Map.class));
    }
  }

  private ResponseEntity<String> put(Map<?, ?> policy) {
    return http.exchange(
        url("/mgmt/v1/policy"), HttpMethod.PUT, new HttpEntity<>(policy), String.class);
  }

  private String version(int minor) {
    return major + "." + minor + ".0";
  }

  private Path generateKey() {
    assertThat(
            RolloutCliAccess.execute(
                "keys", "generate", "--product", product, "--out", dir.toString()))
        .isZero();
    return dir.resolve(product + ".pub");
  }

  private String registerKey(Path publicKey) throws Exception {
    ResponseEntity<String> answer =
        http.postForEntity(
            url("/mgmt/v1/keys"),
            Map.of("product", product, "publicKeyPem", Files.readString(publicKey)),
            String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    return JSON.readTree(answer.getBody()).get("keyId").asText();
  }

  /** Writes the image to fw.bin and signs it with the CLI; the manifest's path. */
  private Path sign(String version, byte[] image, String... extra) throws Exception {
    Path artifact = Files.write(dir.resolve("fw.bin"), image);
    Path manifest = dir.resolve(version + ".manifest.json");
    String[] args = {
      "release",
      "sign",
      "--key",
      dir.resolve(product + ".key").toString(),
      "--product",
      product,
      "--version",
      version,
      "--models",
      "th-100",
      "--artifact",
      artifact.toString(),
      "--out",
      manifest.toString()
    };
    String[] all =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
            .toArray(String[]::new);
    assertThat(RolloutCliAccess.execute(all)).isZero();
    return manifest;
  }

  private ResponseEntity<String> upload(Path manifest) throws Exception {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("manifest", Files.readString(manifest));
    parts.add("artifact", new FileSystemResource(dir.resolve("fw.bin")));
    return http.postForEntity(url("/mgmt/v1/releases"), parts, String.class);
  }

  private Path artifacts() {
    return Path.of("target", "engine-test", Long.toString(ProcessHandle.current().pid()))
        .toAbsolutePath()
        .resolve("artifacts");
  }

  private static byte[] image(long seed, int size) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
