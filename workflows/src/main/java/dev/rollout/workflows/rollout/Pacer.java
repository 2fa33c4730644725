package dev.rollout.workflows.rollout;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How the main loop waits: on timers and activities, while still writing every state change to the
 * store at once (a pause must stop offers even while a wave is being assigned) and waking up on
 * every change.
 */
final class Pacer {

  private final Ledger ledger;
  private final RolloutActivities store;

  Pacer(Ledger ledger, RolloutActivities store) {
    this.ledger = ledger;
    this.store = store;
  }

  /** Runs an activity, persisting state changes that happen meanwhile. */
  <T> T call(Functions.Func<T> activity) {
    Promise<T> result = Async.function(activity);
    while (true) {
      Workflow.await(() -> result.isCompleted() || ledger.needsPersisting());
      if (!result.isCompleted()) {
        persist();
      } else {
        return result.get();
      }
    }
  }

  /**
   * Waits up to {@code duration}, capped at the window's close, returning early when anything
   * changes.
   *
   * @return how long it waited
   */
  Duration sleep(Duration duration) {
    persist();
    long start = Workflow.currentTimeMillis();
    Duration untilClose = Duration.between(now(), ledger.windowClosesAt());
    Duration wait = duration.compareTo(untilClose) < 0 ? duration : untilClose;
    if (wait.isNegative() || wait.isZero()) {
      return Duration.ZERO;
    }
    long seen = ledger.version();
    boolean woken =
        Workflow.await(wait, () -> ledger.version() != seen || ledger.needsPersisting());
    Duration waited = Ledger.since(start);
    return woken ? waited : wait;
  }

  boolean windowClosed() {
    return ledger.preparation != null && !now().isBefore(ledger.windowClosesAt());
  }

  /**
   * Writes the state to the store (for the device API) and to Temporal's visibility, when it
   * changed.
   */
  void persist() {
    while (ledger.needsPersisting()) {
      RolloutState state = ledger.state;
      int phase = ledger.cursor.phaseIndex();
      RolloutStatus.Pause pause = ledger.pause;
      String reason = pause == null ? null : pause.reason();
      String by = pause == null ? null : pause.by();
      store.recordState(new StateChange(ledger.rolloutId, state, phase, reason, by, now()));
      ledger.markPersisted(state, phase);
      upsertSearchAttributes();
    }
    Workflow.setCurrentDetails(StatusView.details(ledger));
  }

  private void upsertSearchAttributes() {
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    add(updates, VisibilityActivities.ROLLOUT_STATE, ledger.state.name());
    add(updates, VisibilityActivities.ROLLOUT_PHASE, StatusView.currentPhase(ledger));
    add(updates, VisibilityActivities.ROLLOUT_RELEASE, ledger.plan().release());
    if (!updates.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
    }
  }

  private void add(List<SearchAttributeUpdate<?>> updates, String name, String value) {
    if (!ledger.searchAttributes.contains(name)) {
      return;
    }
    SearchAttributeKey<String> key = SearchAttributeKey.forKeyword(name);
    updates.add(
        value == null
            ? SearchAttributeUpdate.valueUnset(key)
            : SearchAttributeUpdate.valueSet(key, value));
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
