package dev.rollout.worker.device;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.rollout.activities.device.CheckInResult;
import dev.rollout.activities.device.CheckIns;
import dev.rollout.definitions.device.CheckInParser;
import dev.rollout.definitions.device.CheckInReport;
import dev.rollout.definitions.device.Parsed;
import dev.rollout.worker.metrics.DeviceMetrics;
import dev.rollout.worker.web.ApiError;
import dev.rollout.worker.web.ApiErrors;
import dev.rollout.worker.web.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /device/v1/devices/{deviceId}/check-in} (docs/device-api.md), served here, ahead of
 * Spring MVC. Every device calls it every few minutes, so it is the engine's hottest path; Spring
 * MVC's dispatch and per-request observation cost more CPU than the check-in's own work (profiled
 * with {@code CheckInBench}). Same wire contract and error bodies as the controllers; the check-in
 * counters and latency histogram of {@link DeviceMetrics} stand in for {@code
 * http.server.requests}.
 */
final class CheckInEndpoint extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(CheckInEndpoint.class);
  private static final Pattern PATH = Pattern.compile("/device/v1/devices/([^/]+)/check-in");

  private final transient CheckIns checkIns;
  private final transient CheckInIntervals intervals;
  private final transient DeviceMetrics metrics;
  private final transient DeviceHttp http;
  private final transient ObjectWriter answers;

  CheckInEndpoint(
      CheckIns checkIns, CheckInIntervals intervals, DeviceMetrics metrics, DeviceHttp http) {
    this.checkIns = checkIns;
    this.intervals = intervals;
    this.metrics = metrics;
    this.http = http;
    this.answers = http.writerFor(CheckInResponse.class);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Matcher path = PATH.matcher(request.getRequestURI());
    if (!path.matches()) {
      chain.doFilter(request, response);
    } else if (!"POST".equals(request.getMethod())) {
      http.error(
          response,
          HttpServletResponse.SC_METHOD_NOT_ALLOWED,
          new ApiError("METHOD_NOT_ALLOWED", request.getMethod() + " is not allowed here"));
    } else {
      answer(path.group(1), request, response);
    }
  }

  private void answer(String deviceId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long start = System.nanoTime();
    try {
      CheckInResponse answer = checkIn(deviceId, request);
      http.write(response, HttpServletResponse.SC_OK, answers, answer);
      metrics.checkIn(answer.action(), System.nanoTime() - start);
    } catch (ApiException e) {
      http.error(response, e.status().value(), e.error());
    } catch (RuntimeException e) {
      if (!ApiErrors.storeUnreachable(e)) {
        log.error("check-in of {} failed", deviceId, e);
        http.error(
            response,
            HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
            new ApiError("INTERNAL", "unexpected error; see the server log"));
        return;
      }
      log.warn("database unreachable: {}", e.getMessage());
      http.storeUnavailable(response);
    }
  }

  private CheckInResponse checkIn(String deviceId, HttpServletRequest request) throws IOException {
    Optional<String> tokenHash = DeviceHttp.tokenHash(request);
    if (tokenHash.isEmpty()) {
      throw DeviceErrors.unauthenticatedException();
    }
    Parsed<CheckInReport> report = CheckInParser.parse(Bodies.json(request, Bodies.CHECK_IN_LIMIT));
    if (!report.isValid()) {
      throw ApiException.invalid("the check-in is invalid", report.problems());
    }
    CheckInResult result = checkIns.checkIn(tokenHash.get(), deviceId, report.value());
    if (result instanceof CheckInResult.Unauthenticated) {
      throw DeviceErrors.unauthenticatedException();
    }
    if (result instanceof CheckInResult.NotThisDevice) {
      throw DeviceErrors.notThisDeviceException();
    }
    CheckInResult.Answer answer = (CheckInResult.Answer) result;
    return CheckInAnswers.answer(answer, intervals.seconds(deviceId, answer.decision()));
  }
}
