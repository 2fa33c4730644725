package dev.rollout.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.release.TrustedKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download cut off, then the agent restarted (a power cut): the new agent, on the slot files as
 * left, continues the part with {@code Range} + {@code If-Range} and starts over only when the part
 * cannot be the offered image's.
 */
class DownloadResumeIT {

  private static final KeyPair KEY = Releases.newKey();
  private static final TrustedKeys TRUSTED = Releases.trusting(KEY);
  private static final byte[] NEW = Releases.image("2.4.0");
  private static final String PATH = Releases.artifactPath("2.4.0");
  private static final String ETAG = "\"" + Sha256.hex(NEW) + "\"";

  @TempDir Path dir;
  private FakeDeviceApi api;
  private TestDevice device;

  @BeforeEach
  void start() throws Exception {
    api = new FakeDeviceApi();
    api.artifact(PATH, NEW);
    device = new TestDevice(api, dir, "dev-1", "2.3.0", TRUSTED);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aNewAgentContinuesThePartWithARangeFromItsPersistedLength() throws Exception {
    long persisted = cutAndStop();

    TestDevice restarted = runAfterRestart();

    assertThat(api.rangeHeaders).containsExactly("bytes=" + persisted + "-");
    assertThat(api.ifRangeHeaders).containsExactly(ETAG);
    assertThat(api.artifactRequests).hasValue(2);
    assertUpdated(restarted);
  }

  @Test
  void aChangedEntityStartsOverWhenTheServerHonoursIfRange() throws Exception {
    long persisted = cutAndStop();
    api.etag(PATH, "\"rebuilt\"");

    TestDevice restarted = runAfterRestart();

    assertThat(api.rangeHeaders).containsExactly("bytes=" + persisted + "-");
    assertThat(api.ifRangeHeaders).containsExactly(ETAG);
    assertThat(api.artifactRequests).hasValue(2); // the 200 brought the whole entity
    assertUpdated(restarted);
  }

  @Test
  void aChangedEntityStartsOverWhenTheServerIgnoresIfRange() throws Exception {
    cutAndStop();
    api.etag(PATH, "\"rebuilt\"");
    api.honoursIfRange(false);

    TestDevice restarted = runAfterRestart();

    assertThat(api.rangeHeaders).hasSize(1); // the 206 of "rebuilt" was dropped, then from 0
    assertThat(api.artifactRequests).hasValue(3);
    assertUpdated(restarted);
  }

  @Test
  void aPartLongerThanTheImageIsDroppedAndTheDownloadStartsAtZero() throws Exception {
    cutAndStop();
    Files.write(part(), new byte[NEW.length], StandardOpenOption.APPEND);

    TestDevice restarted = runAfterRestart();

    assertThat(api.rangeHeaders).isEmpty();
    assertThat(api.ifRangeHeaders).isEmpty();
    assertUpdated(restarted);
  }

  /** Cuts the transfer midway and abandons the agent there; answers the bytes left on disk. */
  private long cutAndStop() throws Exception {
    api.cutNextDownload(PATH, 20_000);
    api.answer(device.id, update());
    device.agent.step(); // check-in, manifest, preflight, the cut transfer: waits to retry
    assertThat(device.agent.busy()).isTrue();
    long persisted = Files.size(part());
    assertThat(persisted).isPositive().isLessThan(NEW.length);
    return persisted;
  }

  private TestDevice runAfterRestart() throws Exception {
    TestDevice restarted = device.restarted();
    api.answer(device.id, update());
    restarted.checkInAndRun();
    return restarted;
  }

  private void assertUpdated(TestDevice restarted) throws Exception {
    assertThat(restarted.running()).isEqualTo("2.4.0");
    assertThat(restarted.slots.active().sha256()).isEqualTo(Sha256.hex(NEW));
    assertThat(Sha256.hex(Files.readAllBytes(device.slotsDir.resolve("b.img"))))
        .isEqualTo(Sha256.hex(NEW));
    assertThat(part()).doesNotExist();
    assertThat(Files.readString(device.slotsDir.resolve("slots.properties")))
        .doesNotContain("partial.");
    assertThat(api.eventTypes(device.id)).doesNotContain("FAILED").endsWith("REBOOTED", "HEALTH");
  }

  private Path part() {
    return device.slotsDir.resolve("b.img.part");
  }

  private static String update() {
    return Releases.offer("UPDATE", Releases.sign(KEY, "2.4.0", NEW, "2.3.0")).toString();
  }
}
