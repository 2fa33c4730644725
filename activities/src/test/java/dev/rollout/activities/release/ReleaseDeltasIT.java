package dev.rollout.activities.release;

import static dev.rollout.activities.device.DeviceFixtures.assign;
import static dev.rollout.activities.device.DeviceFixtures.device;
import static dev.rollout.activities.device.DeviceFixtures.policy;
import static dev.rollout.activities.device.DeviceFixtures.rollout;
import static dev.rollout.activities.release.SignedReleases.image;
import static dev.rollout.activities.release.SignedReleases.manifest;
import static dev.rollout.activities.release.SignedReleases.patched;
import static dev.rollout.activities.release.SignedReleases.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.device.CheckInResult;
import dev.rollout.activities.device.CheckInResult.Answer;
import dev.rollout.activities.device.CheckIns;
import dev.rollout.activities.device.DeviceTokens;
import dev.rollout.activities.device.ReleaseSnapshots;
import dev.rollout.activities.release.Registration.Delta;
import dev.rollout.activities.release.Registration.Registered;
import dev.rollout.activities.release.Registration.SkippedDelta;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.device.CheckInReport.NetworkReport;
import dev.rollout.definitions.device.Decision;
import dev.rollout.definitions.plan.NetworkPolicy.Metered;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.version.SemVer;
import io.sigpipe.jbsdiff.Patch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDeltasIT {

  private static final String ROLLOUT = "rollout-late-base";

  private final DataSource dataSource = TestDatabase.dataSource();
  private final KeyRegistry keys = new KeyRegistry(dataSource);
  private final KeyPair thermostat = Keys.generate();
  private final KeyPair doorbell = Keys.generate();

  @TempDir Path root;

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
    keys.register("thermostat", Keys.publicKeyPem(thermostat.getPublic()));
    keys.register("doorbell", Keys.publicKeyPem(doorbell.getPublic()));
  }

  @Test
  void makesADeltaFromEachRegisteredBaseThatPatchesToTheNewImage() throws Exception {
    ReleaseRegistry registry = new ReleaseRegistry(dataSource, new ArtifactStore(root), keys);
    byte[] base = image(3, 300_000);
    byte[] next = patched(base);
    register(registry, thermostat, manifest("thermostat", "2.3.0", base), base);
    register(registry, doorbell, manifest("doorbell", "2.2.0", base), base);

    Registered result =
        register(
            registry,
            thermostat,
            manifest("thermostat", "2.4.0", next, "2.3.0", "2.2.0", "2.1.0"),
            next);

    assertThat(result.deltas()).extracting(Delta::from).containsExactly("2.3.0");
    Delta delta = result.deltas().get(0);
    assertThat(delta.location()).isEqualTo("releases/2.4.0/delta-from-2.3.0.bin");
    byte[] deltaBytes = Files.readAllBytes(root.resolve(delta.location()));
    assertThat(deltaBytes).hasSize((int) delta.size());
    assertThat(Sha256.hex(deltaBytes)).isEqualTo(delta.sha256());
    assertThat(delta.size()).isLessThan(next.length / 10);
    ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
    Patch.patch(base, deltaBytes, rebuilt);
    assertThat(Sha256.hex(rebuilt.toByteArray())).isEqualTo(Sha256.hex(next));
    // 2.2.0 is registered, but for another product line; 2.1.0 is not registered
    assertThat(result.skippedDeltas())
        .extracting(SkippedDelta::from)
        .containsExactly("2.2.0", "2.1.0");
    assertThat(new ReleaseLibrary(dataSource, new ArtifactStore(root)).list())
        .filteredOn(release -> release.version().equals("2.4.0"))
        .flatExtracting(ReleaseSummary::deltas)
        .containsExactly(delta);
  }

  @Test
  void skipsDeltasForImagesAboveTheLimit() throws Exception {
    ReleaseRegistry registry =
        new ReleaseRegistry(dataSource, new ArtifactStore(root), keys, 100_000);
    byte[] base = image(4, 150_000);
    byte[] next = patched(base);
    register(registry, thermostat, manifest("thermostat", "2.3.0", base), base);

    Registered result =
        register(registry, thermostat, manifest("thermostat", "2.4.0", next, "2.3.0"), next);

    assertThat(result.deltas()).isEmpty();
    assertThat(result.skippedDeltas())
        .containsExactly(new SkippedDelta("2.3.0", "images above 100000 bytes get no delta"));
    assertThat(root.resolve("releases/2.4.0/delta-from-2.3.0.bin")).doesNotExist();
  }

  @Test
  void aBaseRegisteredAfterTheReleaseGetsItsDeltaAndDevicesOnItAreOfferedIt() throws Exception {
    ReleaseRegistry registry = new ReleaseRegistry(dataSource, new ArtifactStore(root), keys);
    byte[] base = image(5, 200_000);
    byte[] next = patched(base);
    Registered release =
        register(registry, thermostat, manifest("thermostat", "2.4.0", next, "2.3.0"), next);
    assertThat(release.skippedDeltas()).extracting(SkippedDelta::from).containsExactly("2.3.0");
    SteppingClock clock = new SteppingClock();
    CheckIns checkIns =
        new CheckIns(dataSource, new ReleaseSnapshots(dataSource, Duration.ofSeconds(5), clock));
    String token = device(dataSource, "late-1", "2.3.0");
    rollout(dataSource, ROLLOUT, "2.4.0", policy(0, Metered.ALLOW), "RUNNING");
    assign(dataSource, ROLLOUT, "late-1", "2.4.0", "2.3.0");
    assertThat(checkIn(checkIns, token).delta()).isNull();

    register(registry, thermostat, manifest("thermostat", "2.3.0", base), base);
    clock.advance(Duration.ofSeconds(6)); // the snapshot's refresh interval

    Answer answer = checkIn(checkIns, token);
    assertThat(answer.release().version()).isEqualTo(SemVer.parse("2.4.0"));
    assertThat(answer.delta().from()).isEqualTo(SemVer.parse("2.3.0"));
    assertThat(Sha256.hex(rebuilt(base, answer.delta().location()))).isEqualTo(Sha256.hex(next));
  }

  @Test
  void aLateDeltaThatFailsLeavesTheRegistrationAndIsMadeAtTheNextRegistration() throws Exception {
    ReleaseRegistry registry = new ReleaseRegistry(dataSource, new ArtifactStore(root), keys);
    byte[] base = image(6, 100_000);
    byte[] next = patched(base);
    register(registry, thermostat, manifest("thermostat", "2.4.0", next, "2.3.0"), next);
    Path image = root.resolve("releases/2.4.0/image.bin");
    Path aside = Files.move(image, root.resolve("image-aside.bin"));

    Registered baseRelease =
        register(registry, thermostat, manifest("thermostat", "2.3.0", base), base);

    assertThat(baseRelease.alreadyRegistered()).isFalse();
    assertThat(deltasOf("2.4.0")).isEmpty();
    assertThat(root.resolve("releases/2.4.0/delta-from-2.3.0.bin")).doesNotExist();
    Files.move(aside, image);

    Registered again = register(registry, thermostat, manifest("thermostat", "2.3.0", base), base);

    assertThat(again.alreadyRegistered()).isTrue();
    assertThat(deltasOf("2.4.0")).extracting(Delta::from).containsExactly("2.3.0");
    Delta delta = deltasOf("2.4.0").get(0);
    assertThat(Sha256.hex(rebuilt(base, delta.location()))).isEqualTo(Sha256.hex(next));
  }

  private List<Delta> deltasOf(String version) {
    return new ReleaseLibrary(dataSource, new ArtifactStore(root))
        .list().stream()
            .filter(release -> release.version().equals(version))
            .flatMap(release -> release.deltas().stream())
            .toList();
  }

  private byte[] rebuilt(byte[] base, String deltaLocation) throws Exception {
    ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
    Patch.patch(base, Files.readAllBytes(root.resolve(deltaLocation)), rebuilt);
    return rebuilt.toByteArray();
  }

  private static Answer checkIn(CheckIns checkIns, String token) {
    CheckInReport report =
        new CheckInReport(
            SemVer.parse("2.3.0"),
            "th-100",
            90,
            false,
            1_000_000L,
            new NetworkReport("wifi", false, 0.9),
            OffsetDateTime.parse("2026-11-28T12:00:00+01:00"));
    CheckInResult result = checkIns.checkIn(DeviceTokens.hash(token), "late-1", report);
    assertThat(result).isInstanceOf(Answer.class);
    Answer answer = (Answer) result;
    assertThat(answer.decision()).isInstanceOf(Decision.Update.class);
    return answer;
  }

  /** A clock the test moves, to pass the release snapshot's refresh interval without waiting. */
  private static final class SteppingClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-28T11:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("not needed");
    }
  }

  private static Registered register(
      ReleaseRegistry registry,
      KeyPair key,
      dev.rollout.definitions.release.ReleaseManifest manifest,
      byte[] image)
      throws Exception {
    Registration result = registry.register(signed(key, manifest), new ByteArrayInputStream(image));
    assertThat(result).isInstanceOf(Registered.class);
    return (Registered) result;
  }
}
