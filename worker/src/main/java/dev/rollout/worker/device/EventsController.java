package dev.rollout.worker.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rollout.activities.device.EventRecorder;
import dev.rollout.activities.device.EventsResult;
import dev.rollout.definitions.device.DeviceEvent;
import dev.rollout.definitions.device.EventParser;
import dev.rollout.definitions.device.Parsed;
import dev.rollout.worker.metrics.DeviceMetrics;
import dev.rollout.worker.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /device/v1/devices/{deviceId}/events}: the filter has checked the device. */
@RestController
class EventsController {

  record Accepted(
      @JsonProperty("accepted") int accepted, @JsonProperty("duplicates") int duplicates) {}

  private final EventRecorder recorder;
  private final DeviceMetrics metrics;

  EventsController(EventRecorder recorder, DeviceMetrics metrics) {
    this.recorder = recorder;
    this.metrics = metrics;
  }

  @PostMapping(
      path = "/device/v1/devices/{deviceId}/events",
      produces = MediaType.APPLICATION_JSON_VALUE)
  Accepted events(HttpServletRequest request) throws IOException {
    Parsed<List<DeviceEvent>> events = EventParser.parse(Bodies.json(request, Bodies.EVENTS_LIMIT));
    if (!events.isValid()) {
      throw ApiException.invalid("the event batch is invalid", events.problems());
    }
    String deviceId = (String) request.getAttribute(DeviceAuthFilter.DEVICE_ID);
    EventsResult result = recorder.record(deviceId, events.value());
    if (result instanceof EventsResult.Rejected rejected) {
      throw new ApiException(HttpStatus.CONFLICT, rejected.code(), rejected.message());
    }
    EventsResult.Recorded recorded = (EventsResult.Recorded) result;
    // a batch with a replayed event is a retry of one already counted
    if (recorded.duplicates() == 0) {
      events.value().forEach(this::count);
    }
    return new Accepted(recorded.accepted(), recorded.duplicates());
  }

  private void count(DeviceEvent event) {
    metrics.event(event.type().name());
    if (event instanceof DeviceEvent.DownloadFinished finished) {
      metrics.downloaded(finished.header().rolloutId(), Duration.ofMillis(finished.durationMs()));
    } else if (event instanceof DeviceEvent.Installed installed) {
      metrics.installed(installed.header().rolloutId(), Duration.ofMillis(installed.durationMs()));
    }
  }
}
