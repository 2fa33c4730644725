package dev.rollout.agent;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A/B slots as files in one directory: {@code a.img}, {@code b.img} and {@code slots.properties}
 * (which slot is active, and each slot's version and sha256). An image is written to {@code
 * <slot>.img.part} and renamed into place only once verified, and the state file is replaced
 * atomically, so a crash at any point leaves a bootable active slot.
 *
 * <p>The state file also names the image the part is for (version, sha256, size) and the ETag its
 * bytes came with, so a download cut by a restart resumes: opening the same image again continues
 * the part (hashing its bytes again) instead of starting over, unless the part is longer than the
 * image, which no download of it can produce.
 */
public final class DirectorySlots implements Slots {

  private static final String STATE = "slots.properties";
  private static final String PARTIAL = "partial.";
  private static final String ETAG = PARTIAL + "etag";

  private final Path dir;
  private final Properties state;

  private DirectorySlots(Path dir, Properties state) {
    this.dir = dir;
    this.state = state;
  }

  /** A device fresh from the factory: {@code image} in slot a, running {@code version}. */
  public static DirectorySlots provision(Path dir, SemVer version, Path image) throws IOException {
    Files.createDirectories(dir);
    Files.copy(image, dir.resolve("a.img"), REPLACE_EXISTING);
    Properties state = new Properties();
    state.setProperty("active", "a");
    state.setProperty("a.version", version.toString());
    state.setProperty("a.sha256", Sha256.hex(image));
    DirectorySlots slots = new DirectorySlots(dir, state);
    slots.save();
    return slots;
  }

  public static DirectorySlots open(Path dir) throws IOException {
    Properties state = new Properties();
    try (Reader in = Files.newBufferedReader(dir.resolve(STATE))) {
      state.load(in);
    }
    return new DirectorySlots(dir, state);
  }

  /** The directory of the slots' files and state. */
  public Path directory() {
    return dir;
  }

  @Override
  public SlotImage active() {
    return image(activeName()).orElseThrow(() -> new IllegalStateException("no active image"));
  }

  @Override
  public Optional<SlotImage> inactive() {
    return image(inactiveName());
  }

  @Override
  public Optional<byte[]> activeBytes() throws IOException {
    return Optional.of(Files.readAllBytes(dir.resolve(activeName() + ".img")));
  }

  @Override
  public ImageWriter openInactive(SemVer version, String expectedSha256, long maxBytes)
      throws IOException {
    String slot = inactiveName();
    Path part = dir.resolve(slot + ".img.part");
    Properties wanted = new Properties();
    wanted.setProperty(PARTIAL + "slot", slot);
    wanted.setProperty(PARTIAL + "version", version.toString());
    wanted.setProperty(PARTIAL + "sha256", String.valueOf(expectedSha256));
    wanted.setProperty(PARTIAL + "size", Long.toString(maxBytes));
    boolean resume =
        wanted.stringPropertyNames().stream()
                .allMatch(key -> wanted.getProperty(key).equals(state.getProperty(key)))
            && Files.isRegularFile(part)
            && Files.size(part) <= maxBytes;
    String etag = resume ? state.getProperty(ETAG) : null;
    forget(slot);
    forgetPartial();
    state.putAll(wanted);
    if (etag != null) {
      state.setProperty(ETAG, etag);
    }
    save();
    PartFile.Record record = new PartRecord();
    return resume
        ? PartFile.resume(version, maxBytes, part, etag, record)
        : PartFile.create(version, maxBytes, part, record);
  }

  @Override
  public void install(ImageWriter image) throws IOException {
    PartFile writer = (PartFile) image;
    writer.close();
    String slot = inactiveName();
    Files.move(writer.file(), dir.resolve(slot + ".img"), ATOMIC_MOVE, REPLACE_EXISTING);
    forgetPartial();
    state.setProperty(slot + ".version", writer.version().toString());
    state.setProperty(slot + ".sha256", writer.sha256());
    save();
  }

  @Override
  public void switchSlots() throws IOException {
    if (inactive().isEmpty()) {
      throw new IllegalStateException("the other slot holds no image");
    }
    state.setProperty("active", inactiveName());
    save();
  }

  private String activeName() {
    return state.getProperty("active", "a");
  }

  private String inactiveName() {
    return activeName().equals("a") ? "b" : "a";
  }

  private Optional<SlotImage> image(String slot) {
    String version = state.getProperty(slot + ".version");
    return version == null
        ? Optional.empty()
        : Optional.of(new SlotImage(SemVer.parse(version), state.getProperty(slot + ".sha256")));
  }

  private void forget(String slot) {
    state.remove(slot + ".version");
    state.remove(slot + ".sha256");
  }

  private void forgetPartial() {
    state.stringPropertyNames().stream()
        .filter(key -> key.startsWith(PARTIAL))
        .forEach(state::remove);
  }

  private void save() throws IOException {
    Path temp = dir.resolve(STATE + ".tmp");
    try (Writer out = Files.newBufferedWriter(temp)) {
      state.store(out, "A/B slots");
    }
    Files.move(temp, dir.resolve(STATE), ATOMIC_MOVE, REPLACE_EXISTING);
  }

  /** Keeps the part's ETag in the state file, and forgets a discarded part. */
  private final class PartRecord implements PartFile.Record {
    @Override
    public void etag(String etag) throws IOException {
      if (etag == null) {
        state.remove(ETAG);
      } else {
        state.setProperty(ETAG, etag);
      }
      save();
    }

    @Override
    public void discarded() {
      forgetPartial();
      try {
        save();
      } catch (IOException e) {
        // the part file is gone, so a stale record of it is never resumed
      }
    }
  }
}
