package dev.rollout.definitions.policy;

import static java.util.Objects.requireNonNull;

import dev.rollout.definitions.version.SemVer;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The releases of one product line that can be offered, by version. Immutable. */
public final class ReleaseCatalog {

  private final NavigableMap<SemVer, AvailableRelease> byVersion;

  private ReleaseCatalog(NavigableMap<SemVer, AvailableRelease> byVersion) {
    this.byVersion = Collections.unmodifiableNavigableMap(byVersion);
  }

  /** Throws IllegalArgumentException when a version is listed twice. */
  public static ReleaseCatalog of(Collection<AvailableRelease> releases) {
    NavigableMap<SemVer, AvailableRelease> byVersion = new TreeMap<>();
    for (AvailableRelease release : requireNonNull(releases, "releases")) {
      if (byVersion.put(release.version(), release) != null) {
        throw new IllegalArgumentException("release " + release.version() + " is listed twice");
      }
    }
    return new ReleaseCatalog(byVersion);
  }

  public static ReleaseCatalog of(AvailableRelease... releases) {
    return of(List.of(releases));
  }

  public Optional<AvailableRelease> find(SemVer version) {
    return Optional.ofNullable(byVersion.get(version));
  }

  /** Ascending by version. */
  public List<AvailableRelease> releases() {
    return List.copyOf(byVersion.values());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReleaseCatalog catalog && byVersion.equals(catalog.byVersion);
  }

  @Override
  public int hashCode() {
    return byVersion.hashCode();
  }

  @Override
  public String toString() {
    return "ReleaseCatalog" + byVersion.values();
  }
}
