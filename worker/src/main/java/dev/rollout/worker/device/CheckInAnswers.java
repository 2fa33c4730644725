package dev.rollout.worker.device;

import dev.rollout.activities.device.CheckInResult;
import dev.rollout.activities.device.StoredDelta;
import dev.rollout.activities.device.StoredRelease;
import dev.rollout.definitions.device.Decision;
import dev.rollout.definitions.plan.DevicePolicy;

/** What a check-in answers (docs/device-api.md, Check-in): the decision as the wire shape. */
final class CheckInAnswers {

  private CheckInAnswers() {}

  static CheckInResponse answer(CheckInResult.Answer answer, int next) {
    Decision decision = answer.decision();
    if (decision instanceof Decision.Update update && answer.release() != null) {
      return offer(
          "UPDATE", answer, update.requiresUserApproval(), update.minFreeStorageBytes(), next);
    }
    if (decision instanceof Decision.Rollback && answer.release() != null) {
      long storage = 2 * answer.release().size();
      return offer("ROLLBACK", answer, false, storage, next);
    }
    if (decision instanceof Decision.Cancel) {
      return new CheckInResponse(
          "CANCEL", answer.rolloutId(), null, null, null, null, null, null, next);
    }
    if (decision instanceof Decision.Defer defer) {
      return new CheckInResponse(
          "NONE", answer.rolloutId(), null, null, null, null, null, defer.reason().name(), next);
    }
    return CheckInResponse.nothing(next);
  }

  private static CheckInResponse offer(
      String action, CheckInResult.Answer answer, boolean approval, long minFreeStorage, int next) {
    StoredRelease release = answer.release();
    String version = release.version().toString();
    StoredDelta delta = answer.delta();
    return new CheckInResponse(
        action,
        answer.rolloutId(),
        version,
        release.manifest(),
        new CheckInResponse.Download(
            "/device/v1/artifacts/" + version, release.size(), release.sha256()),
        delta == null
            ? null
            : new CheckInResponse.Delta(
                delta.from().toString(),
                "/device/v1/artifacts/" + version + "/delta/" + delta.from(),
                delta.size(),
                delta.sha256()),
        policy(answer.policy(), approval, minFreeStorage),
        null,
        next);
  }

  private static CheckInResponse.Policy policy(
      DevicePolicy policy, boolean approval, long minFreeStorage) {
    return new CheckInResponse.Policy(
        policy.minBatteryPercent(),
        minFreeStorage,
        policy.network().minQuality(),
        policy.network().metered().spelling(),
        policy.offPeakWindow() == null ? null : policy.offPeakWindow().toString(),
        approval);
  }
}
