package dev.rollout.worker.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rollout.activities.release.Registration;
import dev.rollout.activities.release.Registration.Code;
import dev.rollout.activities.release.Registration.Refused;
import dev.rollout.activities.release.Registration.Registered;
import dev.rollout.activities.release.ReleaseLibrary;
import dev.rollout.activities.release.ReleaseRegistry;
import dev.rollout.activities.release.ReleaseSummary;
import dev.rollout.definitions.version.SemVer;
import dev.rollout.worker.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Signed releases: register (multipart: the signed manifest and the artifact), list, delete an
 * unused one. A refused upload answers 422 with the refusal's code (409 for a version registered
 * with other content); the identical upload again answers 200 with the release.
 */
@RestController
@RequestMapping("/mgmt/v1/releases")
class ReleasesController {

  private final ReleaseRegistry registry;
  private final ReleaseLibrary library;

  ReleasesController(ReleaseRegistry registry, ReleaseLibrary library) {
    this.registry = registry;
    this.library = library;
  }

  record DeltaBody(
      @JsonProperty("from") String from,
      @JsonProperty("size") long size,
      @JsonProperty("sha256") String sha256) {}

  record SkippedBody(@JsonProperty("from") String from, @JsonProperty("reason") String reason) {}

  record RegisteredBody(
      @JsonProperty("version") String version,
      @JsonProperty("product") String product,
      @JsonProperty("keyId") String keyId,
      @JsonProperty("size") long size,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("deltas") List<DeltaBody> deltas,
      @JsonProperty("skippedDeltas") List<SkippedBody> skippedDeltas,
      @JsonProperty("alreadyRegistered") boolean alreadyRegistered) {

    static RegisteredBody of(Registered r) {
      return new RegisteredBody(
          r.version(),
          r.product(),
          r.keyId(),
          r.size(),
          r.sha256(),
          r.deltas().stream().map(d -> new DeltaBody(d.from(), d.size(), d.sha256())).toList(),
          r.skippedDeltas().stream().map(s -> new SkippedBody(s.from(), s.reason())).toList(),
          r.alreadyRegistered());
    }
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<RegisteredBody> register(
      @RequestPart("manifest") String manifest, @RequestPart("artifact") MultipartFile artifact)
      throws IOException {
    Registration result;
    try (InputStream in = artifact.getInputStream()) {
      result = registry.register(manifest, in);
    }
    if (result instanceof Refused refused) {
      HttpStatus status =
          refused.code() == Code.ALREADY_REGISTERED
              ? HttpStatus.CONFLICT
              : HttpStatus.UNPROCESSABLE_ENTITY;
      throw new ApiException(status, refused.code().name(), refused.message());
    }
    Registered registered = (Registered) result;
    return ResponseEntity.status(
            registered.alreadyRegistered() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(RegisteredBody.of(registered));
  }

  @GetMapping
  List<ReleaseSummary> list() {
    return library.list();
  }

  /** 409 RELEASE_IN_USE while a rollout or an assignment refers to the version. */
  @DeleteMapping("/{version}")
  ResponseEntity<Void> delete(@PathVariable String version) {
    String canonical;
    try {
      canonical = SemVer.parse(version).toString();
    } catch (IllegalArgumentException e) {
      throw ReleaseErrors.notFound("no release " + version);
    }
    return switch (library.delete(canonical)) {
      case DELETED -> ResponseEntity.noContent().build();
      case NOT_FOUND -> throw ReleaseErrors.notFound("no release " + version);
      case IN_USE ->
          throw new ApiException(
              HttpStatus.CONFLICT,
              "RELEASE_IN_USE",
              "release " + version + " is still needed by a rollout or for rolling devices back");
    };
  }
}
