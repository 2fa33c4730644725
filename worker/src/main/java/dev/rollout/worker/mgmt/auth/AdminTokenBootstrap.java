package dev.rollout.worker.mgmt.auth;

import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.config.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A fresh engine must be usable without a manual step, and must not be open: at start, when no live
 * admin token exists, one named {@code admin} is created and written to {@code
 * <data-dir>/admin-token}, readable by its owner only. {@code ROLLOUT_ADMIN_TOKEN} (or {@code
 * rollout.mgmt.admin-token}) sets that token instead, for deployments that manage secrets
 * themselves. Runs before the HTTP port opens.
 */
@Component
class AdminTokenBootstrap implements InitializingBean {

  static final String NAME = "admin";
  static final String FILE = "admin-token";
  private static final int MIN_LENGTH = 16;
  private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

  private final OperatorTokens tokens;
  private final Path dataDir;
  private final String configured;

  AdminTokenBootstrap(OperatorTokens tokens, RolloutProperties rollout, Environment environment) {
    this.tokens = tokens;
    this.dataDir = rollout.dataDir().toAbsolutePath().normalize();
    this.configured =
        environment.getProperty(
            "rollout.mgmt.admin-token", environment.getProperty("ROLLOUT_ADMIN_TOKEN", ""));
  }

  @Override
  public void afterPropertiesSet() {
    if (!configured.isBlank()) {
      if (configured.strip().length() < MIN_LENGTH) {
        throw new StartupException(
            "ROLLOUT_ADMIN_TOKEN is too short: use at least " + MIN_LENGTH + " characters");
      }
      tokens.putAdmin(NAME, configured.strip());
      log.info("Admin token '{}' set from ROLLOUT_ADMIN_TOKEN", NAME);
      return;
    }
    if (tokens.hasLiveAdmin()) {
      return;
    }
    String token = OperatorTokens.newToken();
    Path file = dataDir.resolve(FILE);
    write(file, token);
    tokens.putAdmin(NAME, token);
    log.info(
        "No admin token existed: created '{}', written to {} (owner-only); the CLI reads it from"
            + " ./data/admin-token, or pass it with --token / ROLLOUT_TOKEN",
        NAME,
        file);
  }

  /** Written to a temporary file created owner-only, then moved: never readable by others. */
  static void write(Path file, String token) {
    try {
      Files.createDirectories(file.getParent());
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      Path temporary =
          posix
              ? Files.createTempFile(
                  file.getParent(),
                  ".admin-token",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(file.getParent(), ".admin-token", ".tmp");
      Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new StartupException(
          "Cannot write the admin token to "
              + file
              + " ("
              + e.getMessage()
              + "); check ROLLOUT_DATA_DIR",
          e);
    }
  }
}
