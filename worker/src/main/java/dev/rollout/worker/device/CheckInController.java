package dev.rollout.worker.device;

import dev.rollout.activities.device.CheckInResult;
import dev.rollout.activities.device.CheckIns;
import dev.rollout.activities.device.StoredDelta;
import dev.rollout.activities.device.StoredRelease;
import dev.rollout.definitions.device.CheckInParser;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.device.Decision;
import dev.rollout.definitions.device.Parsed;
import dev.rollout.definitions.plan.DevicePolicy;
import dev.rollout.worker.config.CheckInProperties;
import dev.rollout.worker.metrics.DeviceMetrics;
import dev.rollout.worker.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /device/v1/devices/{deviceId}/check-in}. */
@RestController
class CheckInController {

  private final CheckIns checkIns;
  private final DeviceMetrics metrics;
  private final CheckInIntervals intervals;

  CheckInController(CheckIns checkIns, DeviceMetrics metrics, CheckInProperties intervals) {
    this.checkIns = checkIns;
    this.metrics = metrics;
    this.intervals = new CheckInIntervals(intervals);
  }

  @PostMapping(
      path = "/device/v1/devices/{deviceId}/check-in",
      produces = MediaType.APPLICATION_JSON_VALUE)
  CheckInResponse checkIn(@PathVariable String deviceId, HttpServletRequest request)
      throws IOException {
    Parsed<CheckInReport> report = CheckInParser.parse(Bodies.json(request, Bodies.CHECK_IN_LIMIT));
    if (!report.isValid()) {
      throw ApiException.invalid("the check-in is invalid", report.problems());
    }
    String tokenHash = (String) request.getAttribute(DeviceAuthFilter.TOKEN_HASH);
    CheckInResult result = checkIns.checkIn(tokenHash, deviceId, report.value());
    if (result instanceof CheckInResult.Unauthenticated) {
      throw DeviceErrors.unauthenticatedException();
    }
    if (result instanceof CheckInResult.NotThisDevice) {
      throw DeviceErrors.notThisDeviceException();
    }
    CheckInResult.Answer answer = (CheckInResult.Answer) result;
    CheckInResponse response = answer(answer, intervals.seconds(deviceId, answer.decision()));
    metrics.checkIn(response.action());
    return response;
  }

  private static CheckInResponse answer(CheckInResult.Answer answer, int next) {
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
