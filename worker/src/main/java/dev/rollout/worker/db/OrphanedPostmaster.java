package dev.rollout.worker.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL runs as a daemon, so when a rollout server dies without closing it (SIGKILL, a crash)
 * the postmaster keeps running on our data directory and port, and the next start would fail. We
 * stop such an orphan before starting, unless a live server still holds zonky's lock on the
 * directory (then the start fails with a clear message instead).
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

  private OrphanedPostmaster() {}

  static void stopIfAny(Path directory) {
    Optional<ProcessHandle> postmaster = runningPostmaster(directory);
    if (postmaster.isEmpty() || lockedByLiveServer(directory)) {
      return;
    }
    ProcessHandle process = postmaster.get();
    log.warn(
        "Stopping PostgreSQL (pid {}) left running on {} by a rollout server that did not shut down",
        process.pid(),
        directory);
    // SIGTERM: a "smart" shutdown; its clients died with the previous server
    process.destroy();
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<ProcessHandle> runningPostmaster(Path directory) {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(pidFile)) {
      long pid = Long.parseLong(lines.findFirst().orElse("").strip());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().orElse("").contains("postgres"));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // unreadable or stale: PostgreSQL itself deals with it
    }
  }

  private static boolean lockedByLiveServer(Path directory) {
    try (FileChannel channel =
            FileChannel.open(
                directory.resolve("epg-lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException e) {
      return true; // this very JVM holds it
    } catch (IOException e) {
      return true; // cannot tell: leave the process alone
    }
  }
}
