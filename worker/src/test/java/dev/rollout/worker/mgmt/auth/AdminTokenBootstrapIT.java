package dev.rollout.worker.mgmt.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.config.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class AdminTokenBootstrapIT {

  @TempDir Path dataDir;

  private final OperatorTokens tokens = new OperatorTokens(TestDatabase.dataSource());

  @BeforeEach
  void freshStore() {
    TestDatabase.reset();
  }

  @Test
  void aFreshStoreGetsAnAdminTokenInAnOwnerOnlyFile() throws Exception {
    bootstrap(new MockEnvironment());

    Path file = dataDir.resolve("admin-token");
    String token = Files.readString(file).strip();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(tokens.authenticate(token)).contains(new Operator("admin", Role.ADMIN));
  }

  @Test
  void anExistingAdminTokenIsKept() throws Exception {
    bootstrap(new MockEnvironment());
    String first = Files.readString(dataDir.resolve("admin-token"));

    bootstrap(new MockEnvironment());

    assertThat(Files.readString(dataDir.resolve("admin-token"))).isEqualTo(first);
    assertThat(tokens.authenticate(first.strip())).isPresent();
  }

  @Test
  void aRevokedAdminIsReplacedAtTheNextStart() throws Exception {
    bootstrap(new MockEnvironment());
    String first = Files.readString(dataDir.resolve("admin-token")).strip();
    tokens.revoke("admin");

    bootstrap(new MockEnvironment());

    String second = Files.readString(dataDir.resolve("admin-token")).strip();
    assertThat(second).isNotEqualTo(first);
    assertThat(tokens.authenticate(first)).isEmpty();
    assertThat(tokens.authenticate(second)).isPresent();
  }

  @Test
  void theEnvironmentSetsTheAdminTokenAndNoFileIsWritten() {
    bootstrap(new MockEnvironment().withProperty("ROLLOUT_ADMIN_TOKEN", "s3cret-s3cret-s3cret"));

    assertThat(tokens.authenticate("s3cret-s3cret-s3cret"))
        .contains(new Operator("admin", Role.ADMIN));
    assertThat(dataDir.resolve("admin-token")).doesNotExist();
  }

  @Test
  void aShortConfiguredTokenStopsTheStart() {
    assertThatThrownBy(
            () -> bootstrap(new MockEnvironment().withProperty("ROLLOUT_ADMIN_TOKEN", "short")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("at least 16");
  }

  private void bootstrap(MockEnvironment environment) {
    new AdminTokenBootstrap(tokens, new RolloutProperties(dataDir, "rollouts"), environment)
        .afterPropertiesSet();
  }
}
