package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.release.ArtifactStore.Staged;
import dev.rollout.activities.release.DeltaGenerator.StagedDelta;
import dev.rollout.activities.release.Registration.Code;
import dev.rollout.activities.release.Registration.Delta;
import dev.rollout.activities.release.Registration.Refused;
import dev.rollout.activities.release.Registration.Registered;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.ManifestVerifier;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.SignedManifest;
import dev.rollout.definitions.release.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Registers signed releases (issue 4, "Releases and signing"): verifies the manifest against the
 * trusted keys, checks the uploaded artifact against it, stores the image and the row, and makes
 * binary deltas from the manifest's registered bases. Refusals store nothing, neither a row nor a
 * file; a version never changes once registered, and the identical upload again is answered as
 * registered (idempotent).
 */
public final class ReleaseRegistry {

  /** jbsdiff holds both images and a suffix array in heap: no deltas above this size. */
  public static final long DEFAULT_MAX_DELTA_INPUT_BYTES = 64L * 1024 * 1024;

  private final DataSource dataSource;
  private final ArtifactStore store;
  private final KeyRegistry keys;
  private final DeltaGenerator deltas;
  private final LateBaseDeltas lateBaseDeltas;

  public ReleaseRegistry(DataSource dataSource, ArtifactStore store, KeyRegistry keys) {
    this(dataSource, store, keys, DEFAULT_MAX_DELTA_INPUT_BYTES);
  }

  public ReleaseRegistry(
      DataSource dataSource, ArtifactStore store, KeyRegistry keys, long maxDeltaInputBytes) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.store = requireNonNull(store, "store");
    this.keys = requireNonNull(keys, "keys");
    this.deltas = new DeltaGenerator(store, maxDeltaInputBytes);
    this.lateBaseDeltas = new LateBaseDeltas(dataSource, store, deltas);
  }

  /**
   * Registers a release from its signed manifest (the JSON of {@code rollout release sign}) and its
   * artifact, read to the end and never held in memory. Once registered (or found registered
   * already), the deltas other releases of the product line ask for from it, or from any release
   * registered after them, are made too ({@link LateBaseDeltas}); failing that never undoes the
   * registration.
   *
   * @throws IOException when the artifact cannot be read or stored
   */
  public Registration register(String signedManifestJson, InputStream artifact) throws IOException {
    Registration result = registerRelease(signedManifestJson, artifact);
    if (result instanceof Registered registered) {
      lateBaseDeltas.makeMissing(registered.product());
    }
    return result;
  }

  private Registration registerRelease(String signedManifestJson, InputStream artifact)
      throws IOException {
    requireNonNull(artifact, "artifact");
    Verification verdict = new ManifestVerifier(keys.trusted()).verify(signedManifestJson);
    if (verdict instanceof Verification.Invalid invalid) {
      return new Refused(Code.valueOf(invalid.code().name()), invalid.message());
    }
    SignedManifest signed = ManifestJson.readSigned(signedManifestJson);
    Staged image = store.stage(artifact);
    List<StagedDelta> made = new ArrayList<>();
    try {
      Optional<Registration> early = RegistrationChecks.artifactMismatch(signed.manifest(), image);
      if (early.isEmpty()) {
        early = inTransaction(c -> RegistrationChecks.known(c, signed.manifest()));
      }
      if (early.isPresent()) {
        return early.get();
      }
      ReleaseManifest manifest = signed.manifest();
      DeltaGenerator.Result generated =
          deltas.generate(
              manifest,
              image,
              inTransaction(c -> ReleaseRows.images(c, manifest.product(), manifest.deltaBases())));
      made.addAll(generated.made());
      return commit(signedManifestJson, signed, image, generated);
    } finally {
      ArtifactStore.discard(image.file());
      made.forEach(delta -> ArtifactStore.discard(delta.file().file()));
    }
  }

  private Registration commit(
      String json, SignedManifest signed, Staged image, DeltaGenerator.Result generated) {
    ReleaseManifest manifest = signed.manifest();
    String version = manifest.version().toString();
    List<String> moved = new ArrayList<>();
    try {
      return inTransaction(
          connection -> {
            ReleaseRows.lock(connection, version);
            Optional<Registration> raced = RegistrationChecks.known(connection, manifest);
            if (raced.isPresent()) {
              return raced.get();
            }
            String location = ArtifactStore.imageLocation(manifest.version());
            move(image, location, moved);
            ReleaseRows.insert(
                connection, manifest, json, signed.keyId(), signed.signature(), location);
            List<Delta> stored = new ArrayList<>();
            for (StagedDelta delta : generated.made()) {
              String deltaLocation = ArtifactStore.deltaLocation(manifest.version(), delta.from());
              move(delta.file(), deltaLocation, moved);
              Delta row =
                  new Delta(
                      delta.from().toString(),
                      delta.file().size(),
                      delta.file().sha256(),
                      deltaLocation);
              ReleaseRows.insertDelta(connection, version, row);
              stored.add(row);
            }
            return new Registered(
                version,
                manifest.product(),
                signed.keyId(),
                manifest.size(),
                manifest.sha256(),
                stored,
                generated.skipped(),
                false);
          });
    } catch (RuntimeException e) {
      moved.forEach(this::deleteQuietly);
      throw e;
    }
  }

  private void move(Staged staged, String location, List<String> moved) {
    try {
      store.commit(staged.file(), location);
      moved.add(location);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + location, e);
    }
  }

  private void deleteQuietly(String location) {
    try {
      store.delete(location);
    } catch (IOException e) {
      // the row was not written, so nothing refers to the file: it is never served
    }
  }

  private <T> T inTransaction(Jdbc.Work<T> work) {
    return Jdbc.inTransaction(dataSource, work);
  }
}
