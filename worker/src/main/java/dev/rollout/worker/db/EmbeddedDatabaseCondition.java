package dev.rollout.worker.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no database URL is configured: the engine then runs its own PostgreSQL. */
final class EmbeddedDatabaseCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String url = context.getEnvironment().getProperty("rollout.db.url");
    return url == null || url.isBlank();
  }
}
