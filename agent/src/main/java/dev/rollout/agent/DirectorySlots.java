package dev.rollout.agent;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.OutputStream;
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
 */
public final class DirectorySlots implements Slots {

  private static final String STATE = "slots.properties";

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
    forget(inactiveName());
    save();
    return new FileWriter(version, maxBytes, dir.resolve(inactiveName() + ".img.part"));
  }

  @Override
  public void install(ImageWriter image) throws IOException {
    FileWriter writer = (FileWriter) image;
    writer.close();
    String slot = inactiveName();
    Files.move(writer.file, dir.resolve(slot + ".img"), ATOMIC_MOVE, REPLACE_EXISTING);
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

  private void save() throws IOException {
    Path temp = dir.resolve(STATE + ".tmp");
    try (Writer out = Files.newBufferedWriter(temp)) {
      state.store(out, "A/B slots");
    }
    Files.move(temp, dir.resolve(STATE), ATOMIC_MOVE, REPLACE_EXISTING);
  }

  private static final class FileWriter extends DigestingWriter {
    private final Path file;
    private OutputStream out;

    FileWriter(SemVer version, long maxBytes, Path file) throws IOException {
      super(version, maxBytes);
      this.file = file;
      this.out = Files.newOutputStream(file);
    }

    @Override
    void store(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    void truncate() throws IOException {
      out.close();
      out = Files.newOutputStream(file);
    }

    void close() throws IOException {
      out.close();
    }

    @Override
    public void discard() {
      try {
        out.close();
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover .part file is overwritten by the next download
      }
    }
  }
}
