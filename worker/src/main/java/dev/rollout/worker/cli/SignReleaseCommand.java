package dev.rollout.worker.cli;

import dev.rollout.definitions.release.KeyFiles;
import dev.rollout.definitions.release.ManifestJson;
import dev.rollout.definitions.release.ManifestSigner;
import dev.rollout.definitions.release.ReleaseManifest;
import dev.rollout.definitions.release.Sha256;
import dev.rollout.definitions.release.SignedManifest;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollout release sign}: the signed manifest of an artifact, offline, in the pipeline. */
@Command(
    name = "sign",
    description =
        "Sign a release manifest (offline) with the product line's private key: computes the"
            + " artifact's size and sha256 and writes the signed manifest JSON.")
final class SignReleaseCommand implements Callable<Integer> {

  // no mixinStandardHelpOptions: its --version would clash with the release's --version
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Option(names = "--key", required = true, description = "private key file (<product>.key)")
  private Path key;

  @Option(
      names = "--public-key",
      description = "public key file (default: the --key file with .pub instead of .key)")
  private Path publicKey;

  @Option(names = "--product", required = true, description = "the product line")
  private String product;

  @Option(names = "--version", required = true, description = "the release's semantic version")
  private String version;

  @Option(
      names = "--models",
      required = true,
      split = ",",
      description = "hardware models, comma-separated")
  private List<String> models;

  @Option(names = "--artifact", required = true, description = "the firmware image")
  private Path artifact;

  @Option(names = "--min-server-api", defaultValue = "1", description = "default: 1")
  private int minServerApi;

  @Option(names = "--critical-migration", description = "devices must pass through this release")
  private boolean criticalMigration;

  @Option(names = "--delta-base", description = "a version to make a delta from (repeatable)")
  private List<String> deltaBases = new ArrayList<>();

  @Option(names = "--out", required = true, description = "where to write the signed manifest")
  private Path out;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      SignedManifest signed = sign();
      write(signed);
      spec.commandLine()
          .getOut()
          .printf(
              "signed %s %s (%d bytes, sha256 %s) with key %s -> %s%n",
              product,
              signed.manifest().version(),
              signed.manifest().size(),
              signed.manifest().sha256(),
              signed.keyId(),
              out);
      return 0;
    } catch (NoSuchFileException e) {
      err.println("rollout release sign: no such file: " + e.getFile());
    } catch (IOException e) {
      err.println("rollout release sign: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      err.println("rollout release sign: " + e.getMessage());
    }
    return 1;
  }

  private SignedManifest sign() throws IOException {
    ManifestSigner signer =
        new ManifestSigner(KeyFiles.readPrivateKey(key), KeyFiles.readPublicKey(publicKeyFile()));
    ReleaseManifest manifest =
        new ReleaseManifest(
            product,
            SemVer.parse(version),
            models,
            Files.size(artifact),
            Sha256.hex(artifact),
            minServerApi,
            criticalMigration,
            deltaBases.stream().map(SemVer::parse).toList());
    return signer.sign(manifest);
  }

  private Path publicKeyFile() {
    if (publicKey != null) {
      return publicKey;
    }
    String name = key.getFileName().toString();
    String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
    return key.resolveSibling(base + ".pub");
  }

  // whole or not at all: a half-written manifest must not reach a registration
  private void write(SignedManifest signed) throws IOException {
    Path target = out.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), ".manifest-", ".tmp");
    try {
      Files.writeString(temp, ManifestJson.write(signed));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
