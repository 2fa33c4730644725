package dev.rollout.workflows.rollout;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * What the Temporal server offers for visibility. Upserting a search attribute the server does not
 * know fails every workflow task, so the workflow asks first and only sets the ones registered.
 */
@ActivityInterface
public interface VisibilityActivities {

  String ROLLOUT_STATE = "RolloutState";
  String ROLLOUT_PHASE = "RolloutPhase";
  String ROLLOUT_RELEASE = "RolloutRelease";

  /**
   * Of RolloutState, RolloutPhase and RolloutRelease, those registered (as Keyword) on the
   * namespace.
   */
  @ActivityMethod
  List<String> registeredSearchAttributes();
}
