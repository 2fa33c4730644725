package dev.rollout.activities.release;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.release.ArtifactStore.Staged;
import dev.rollout.activities.release.DeltaGenerator.StoredImage;
import dev.rollout.activities.release.Registration.Delta;
import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Makes the deltas that signed manifests ask for but registration could not make because the base
 * was not registered yet: X lists W as a delta base, W is registered after X, so the delta W→X is
 * made when W arrives. It runs after every registration of the product line, outside the
 * registration's transaction, so a failure here never undoes a registration: it is logged, and the
 * missing delta is tried again at the next registration of the product line (re-uploading any of
 * its releases is enough). Check-ins see a new delta at the next release-snapshot refresh (5 s).
 */
final class LateBaseDeltas {

  private static final System.Logger LOG = System.getLogger(LateBaseDeltas.class.getName());

  private final DataSource dataSource;
  private final ArtifactStore store;
  private final DeltaGenerator generator;

  LateBaseDeltas(DataSource dataSource, ArtifactStore store, DeltaGenerator generator) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.store = requireNonNull(store, "store");
    this.generator = requireNonNull(generator, "generator");
  }

  /** A delta a manifest asks for whose base is registered, with both images. */
  record Missing(SemVer to, SemVer from, StoredImage image, StoredImage base) {}

  /**
   * Makes every missing delta of the product line it can; never throws.
   *
   * @return the deltas made, as {@code from→to}
   */
  List<String> makeMissing(String product) {
    List<String> made = new ArrayList<>();
    try {
      for (Missing missing : Jdbc.inTransaction(dataSource, c -> missing(c, product))) {
        if (make(missing)) {
          made.add(missing.from() + "→" + missing.to());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot list the missing deltas of " + product + "; next time", e);
    }
    return made;
  }

  private boolean make(Missing missing) {
    Staged staged = null;
    try {
      staged = generator.diff(missing.base(), missing.image());
      Staged file = staged;
      boolean stored = Jdbc.inTransaction(dataSource, c -> store(c, missing, file));
      LOG.log(
          Level.INFO,
          "made the delta {0}→{1} for a base registered later",
          missing.from(),
          missing.to());
      return stored;
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "cannot make the delta "
              + missing.from()
              + "→"
              + missing.to()
              + ": devices take the full image; tried again at the next registration of the"
              + " product line",
          e);
      return false;
    } finally {
      if (staged != null) {
        ArtifactStore.discard(staged.file());
      }
    }
  }

  // Under the release's lock: a concurrent registration may have stored it meanwhile, or the
  // release may have been deleted.
  private boolean store(Connection connection, Missing missing, Staged file) throws SQLException {
    String to = missing.to().toString();
    ReleaseRows.lock(connection, to);
    if (ReleaseRows.find(connection, to).isEmpty()
        || ReleaseRows.deltas(connection, to).stream()
            .anyMatch(delta -> delta.from().equals(missing.from().toString()))) {
      return false;
    }
    String location = ArtifactStore.deltaLocation(missing.to(), missing.from());
    try {
      store.commit(file.file(), location);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + location, e);
    }
    ReleaseRows.insertDelta(
        connection, to, new Delta(missing.from().toString(), file.size(), file.sha256(), location));
    return true;
  }

  private List<Missing> missing(Connection connection, String product) throws SQLException {
    Map<SemVer, StoredImage> images = new LinkedHashMap<>();
    Map<SemVer, List<SemVer>> bases = new LinkedHashMap<>();
    for (Object[] row :
        Jdbc.query(
            connection,
            "SELECT version, artifact_location, artifact_size, manifest FROM releases"
                + " WHERE product = ? AND manifest IS NOT NULL ORDER BY version_key, version",
            row ->
                new Object[] {
                  SemVer.parse(row.getString(1)),
                  new StoredImage(row.getString(2), row.getLong(3)),
                  row.getString(4)
                },
            product)) {
      images.put((SemVer) row[0], (StoredImage) row[1]);
      bases.put((SemVer) row[0], deltaBases((String) row[2]));
    }
    Set<String> present = present(connection, product);
    List<Missing> missing = new ArrayList<>();
    bases.forEach(
        (to, from) ->
            from.stream()
                .filter(base -> images.containsKey(base) && !present.contains(base + "→" + to))
                .map(base -> new Missing(to, base, images.get(to), images.get(base)))
                .filter(m -> generator.reasonToSkip(m.base().size(), m.image().size()) == null)
                .forEach(missing::add));
    return missing;
  }

  private static List<SemVer> deltaBases(String signedJson) {
    try {
      return ManifestJson.readSigned(signedJson).manifest().deltaBases();
    } catch (IllegalArgumentException e) {
      return List.of(); // registration verified it; a row that does not parse asks for nothing
    }
  }

  private static Set<String> present(Connection connection, String product) throws SQLException {
    return new HashSet<>(
        Jdbc.query(
            connection,
            "SELECT d.from_version || '→' || d.to_version FROM release_deltas d"
                + " JOIN releases r ON r.version = d.to_version WHERE r.product = ?",
            row -> row.getString(1),
            product));
  }
}
