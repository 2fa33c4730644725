package dev.rollout.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.version.SemVer;
import org.junit.jupiter.api.Test;

class SharedImageSlotsTest {

  private final ImageCache cache = new ImageCache();
  private final byte[] old = Releases.image("2.3.0");
  private final byte[] next = Releases.image("2.4.0");

  private SharedImageSlots device() {
    return new SharedImageSlots(cache, new SlotImage(SemVer.parse("2.3.0"), cache.put(old)));
  }

  @Test
  void devicesOnTheSameVersionShareOneCopyOfTheImage() throws Exception {
    for (int i = 0; i < 3; i++) {
      SharedImageSlots slots = device();
      ImageWriter writer = slots.openInactive(SemVer.parse("2.4.0"), Sha256.hex(next), next.length);
      writer.write(next, 0, next.length);
      slots.install(writer);
      slots.switchSlots();

      assertThat(slots.active()).isEqualTo(new SlotImage(SemVer.parse("2.4.0"), Sha256.hex(next)));
      assertThat(slots.activeBytes()).hasValueSatisfying(b -> assertThat(b).isEqualTo(next));
      assertThat(slots.inactive()).map(SlotImage::version).hasValue(SemVer.parse("2.3.0"));
    }
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void refusesMoreBytesThanTheManifestSays() {
    SharedImageSlots slots = device();
    ImageWriter writer = slots.openInactive(SemVer.parse("2.4.0"), Sha256.hex(next), 10);

    assertThatThrownBy(() -> writer.write(next, 0, 11)).hasMessageContaining("10 bytes");
  }

  @Test
  void hashesAcrossAResumedWrite() throws Exception {
    ImageWriter writer = device().openInactive(SemVer.parse("2.4.0"), "x", next.length);
    writer.write(next, 0, 1000);
    writer.write(next, 1000, next.length - 1000);

    assertThat(writer.sha256()).isEqualTo(Sha256.hex(next));
    assertThat(writer.written()).isEqualTo(next.length);
  }
}
