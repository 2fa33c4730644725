package dev.rollout.worker.device;

import dev.rollout.activities.device.ArtifactIndex;
import dev.rollout.activities.device.ArtifactIndex.Artifact;
import dev.rollout.definitions.version.SemVer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds registered images and deltas on disk. Only versions that parse as semantic versions reach
 * the store, and a stored location is followed only when it stays under the artifacts root, so no
 * request (or bad row) can make the server read another file.
 */
final class ArtifactFiles {

  /** A file to serve with its digest (the ETag). */
  record Found(Path file, String sha256) {}

  private final ArtifactIndex index;
  private final Path root;

  ArtifactFiles(ArtifactIndex index, Path root) {
    this.index = index;
    this.root = root;
  }

  Optional<Found> image(String version) {
    return parse(version).flatMap(index::image).flatMap(this::resolve);
  }

  Optional<Found> delta(String version, String from) {
    Optional<SemVer> to = parse(version);
    Optional<SemVer> base = parse(from);
    if (to.isEmpty() || base.isEmpty()) {
      return Optional.empty();
    }
    return index.delta(to.get(), base.get()).flatMap(this::resolve);
  }

  private Optional<Found> resolve(Artifact artifact) {
    try {
      Path file = root.resolve(artifact.location()).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(new Found(file, artifact.sha256()));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static Optional<SemVer> parse(String version) {
    try {
      return Optional.of(SemVer.parse(version));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
