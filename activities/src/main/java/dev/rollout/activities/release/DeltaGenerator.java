package dev.rollout.activities.release;

import dev.rollout.activities.release.ArtifactStore.Staged;
import dev.rollout.activities.release.Registration.SkippedDelta;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.version.SemVer;
import io.sigpipe.jbsdiff.Diff;
import io.sigpipe.jbsdiff.InvalidHeaderException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.CompressorException;

/**
 * Makes bsdiff deltas (jbsdiff) from a manifest's registered bases to a staged image, into staged
 * files. jbsdiff diffs byte arrays, and its suffix sort needs several times the old image in heap:
 * images above {@code maxInputBytes} get no delta (devices take the full image).
 */
final class DeltaGenerator {

  private static final String NOT_REGISTERED = "not a registered release of this product line";

  private final ArtifactStore store;
  private final long maxInputBytes;

  DeltaGenerator(ArtifactStore store, long maxInputBytes) {
    this.store = store;
    this.maxInputBytes = maxInputBytes;
  }

  /** A delta made but not yet moved to its location. */
  record StagedDelta(SemVer from, Staged file) {}

  record Result(List<StagedDelta> made, List<SkippedDelta> skipped) {}

  /**
   * @param bases the stored bases of this product line by version (location of the image, size)
   */
  Result generate(ReleaseManifest manifest, Staged image, Map<SemVer, StoredImage> bases)
      throws IOException {
    List<StagedDelta> made = new ArrayList<>();
    List<SkippedDelta> skipped = new ArrayList<>();
    try {
      for (SemVer base : manifest.deltaBases()) {
        StoredImage stored = bases.get(base);
        String reason = stored == null ? NOT_REGISTERED : reasonToSkip(stored.size(), image.size());
        if (reason != null) {
          skipped.add(new SkippedDelta(base.toString(), reason));
          continue;
        }
        made.add(new StagedDelta(base, diff(store.resolve(stored.location()), image.file())));
      }
    } catch (IOException | RuntimeException e) {
      made.forEach(delta -> ArtifactStore.discard(delta.file().file()));
      throw e;
    }
    return new Result(made, skipped);
  }

  /** Why no delta is made between images of these sizes, or null when one is. */
  String reasonToSkip(long baseSize, long imageSize) {
    if (baseSize > maxInputBytes || imageSize > maxInputBytes) {
      return "images above " + maxInputBytes + " bytes get no delta";
    }
    return null;
  }

  /** The delta from one stored image to another, as a staged file. */
  Staged diff(StoredImage base, StoredImage image) throws IOException {
    return diff(store.resolve(base.location()), store.resolve(image.location()));
  }

  private Staged diff(Path base, Path image) throws IOException {
    Path out = store.newStagingFile();
    try (OutputStream stream = Files.newOutputStream(out)) {
      Diff.diff(Files.readAllBytes(base), Files.readAllBytes(image), stream);
    } catch (CompressorException | InvalidHeaderException e) {
      ArtifactStore.discard(out);
      throw new IllegalStateException("jbsdiff failed: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      ArtifactStore.discard(out);
      throw e;
    }
    return store.describe(out);
  }

  /** A registered image a delta can start from. */
  record StoredImage(String location, long size) {}
}
