package dev.rollout.worker;

import dev.rollout.worker.config.RolloutProperties;
import dev.rollout.worker.db.DatabaseProperties;
import dev.rollout.worker.temporal.TemporalProperties;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** One line that tells a first-time user what is running where, once everything is up. */
@Component
class ReadyLog implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

  private final RolloutProperties rollout;
  private final TemporalProperties temporal;
  private final DatabaseProperties database;
  private final WorkflowServiceStubs stubs;

  ReadyLog(
      RolloutProperties rollout,
      TemporalProperties temporal,
      DatabaseProperties database,
      WorkflowServiceStubs stubs) {
    this.rollout = rollout;
    this.temporal = temporal;
    this.database = database;
    this.stubs = stubs;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    String http =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? "http://localhost:" + web.getWebServer().getPort() + "/actuator/health"
            : "none";
    String db =
        database.isEmbedded()
            ? "embedded on 127.0.0.1:%d, data in %s"
                .formatted(
                    database.embedded().port(),
                    rollout.dataDir().toAbsolutePath().normalize().resolve("postgres"))
            : database.url();
    log.info(
        "Rollout engine ready. Temporal: {} ({}, namespace {}, task queue {}). PostgreSQL: {}."
            + " Health: {}",
        stubs.getOptions().getTarget(),
        temporal.isEmbedded() ? "embedded, in memory" : "remote",
        temporal.namespace(),
        rollout.taskQueue(),
        db,
        http);
  }
}
