package dev.rollout.worker.temporal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no Temporal address is configured: the engine then runs its own server. */
final class EmbeddedTemporalCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String address = context.getEnvironment().getProperty("rollout.temporal.address");
    return address == null || address.isBlank();
  }
}
