package dev.rollout.worker.device;

import dev.rollout.worker.web.ApiError;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /device/v1/artifacts/{version}} and {@code .../delta/{from}}: Spring serves a {@code
 * ResponseEntity<Resource>} with single and multiple ranges (206); this class refuses ranges that
 * do not fit the file first, so that the 416 carries the API's error body, and evaluates {@code
 * If-Range} itself, which Spring MVC does not for a returned resource (spring-framework gh-27952).
 */
@RestController
class ArtifactsController {

  private final ArtifactFiles files;

  ArtifactsController(ArtifactFiles files) {
    this.files = files;
  }

  @GetMapping("/device/v1/artifacts/{version}")
  ResponseEntity<?> image(
      @PathVariable String version,
      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
      @RequestHeader(name = HttpHeaders.IF_RANGE, required = false) String ifRange)
      throws IOException {
    return serve(files.image(version), range, ifRange);
  }

  @GetMapping("/device/v1/artifacts/{version}/delta/{from}")
  ResponseEntity<?> delta(
      @PathVariable String version,
      @PathVariable String from,
      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
      @RequestHeader(name = HttpHeaders.IF_RANGE, required = false) String ifRange)
      throws IOException {
    return serve(files.delta(version, from), range, ifRange);
  }

  private static ResponseEntity<?> serve(
      Optional<ArtifactFiles.Found> found, String range, String ifRange) throws IOException {
    ArtifactFiles.Found artifact = found.orElseThrow(DeviceErrors::notFound);
    String etag = "\"" + artifact.sha256() + "\"";
    long length = Files.size(artifact.file());
    if (range != null && ifRange != null && !ifRange.trim().equals(etag)) {
      return whole(artifact, etag, length);
    }
    if (range != null && !satisfiable(range, length)) {
      return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
          .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              new ApiError(
                  "RANGE_NOT_SATISFIABLE",
                  "the range " + range + " does not fit the file of " + length + " bytes"));
    }
    return ResponseEntity.ok()
        .eTag(etag)
        .header(HttpHeaders.ACCEPT_RANGES, "bytes")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(new FileSystemResource(artifact.file()));
  }

  /**
   * RFC 9110 13.1.5: an {@code If-Range} that is not the current strong ETag (another entity, a
   * weak tag, or a date: no {@code Last-Modified} is sent, so no date can match) means the whole
   * entity, 200. As an {@code InputStreamResource}, because Spring cuts any other resource to the
   * request's {@code Range}.
   */
  private static ResponseEntity<?> whole(ArtifactFiles.Found artifact, String etag, long length)
      throws IOException {
    return ResponseEntity.ok()
        .eTag(etag)
        .header(HttpHeaders.ACCEPT_RANGES, "bytes")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .contentLength(length)
        .body(new InputStreamResource(Files.newInputStream(artifact.file())));
  }

  private static boolean satisfiable(String header, long length) {
    try {
      List<HttpRange> ranges = HttpRange.parseRanges(header);
      for (HttpRange range : ranges) {
        if (range.getRangeStart(length) > range.getRangeEnd(length)) {
          return false;
        }
      }
      return !ranges.isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
