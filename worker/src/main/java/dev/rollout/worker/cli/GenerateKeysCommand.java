package dev.rollout.worker.cli;

import dev.rollout.definitions.release.KeyFiles;
import dev.rollout.definitions.release.Keys;
import dev.rollout.definitions.release.ReleaseManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollout keys generate}: a product line's Ed25519 key pair, offline. */
@Command(
    name = "generate",
    description = {
      "Generate a product line's Ed25519 signing key pair (offline): <product>.key (PKCS#8 PEM,"
          + " owner-only) and <product>.pub (X.509 PEM). Prints the key id.",
      "Keep the .key in the build pipeline; register the .pub with the server."
    },
    mixinStandardHelpOptions = true)
final class GenerateKeysCommand implements Callable<Integer> {

  @Option(names = "--product", required = true, description = "the product line, e.g. thermostat")
  private String product;

  @Option(
      names = "--out",
      defaultValue = ".",
      description = "directory for the two files (default: the current one)")
  private Path out;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!ReleaseManifest.PRODUCT.matcher(product).matches()) {
      err.println(
          "rollout keys generate: --product must be lowercase letters, digits and inner hyphens,"
              + " got '"
              + product
              + "'");
      return 1;
    }
    KeyPair pair = Keys.generate();
    try {
      Files.createDirectories(out);
      KeyFiles.write(out, product, pair);
    } catch (FileAlreadyExistsException e) {
      err.println("rollout keys generate: " + e.getFile() + " exists; a key is never replaced");
      return 1;
    } catch (IOException e) {
      err.println("rollout keys generate: cannot write to " + out + ": " + e.getMessage());
      return 1;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(Keys.keyId(pair.getPublic()));
    stdout.flush();
    err.println("private key: " + KeyFiles.privateKeyFile(out, product));
    err.println("public key:  " + KeyFiles.publicKeyFile(out, product));
    return 0;
  }
}
