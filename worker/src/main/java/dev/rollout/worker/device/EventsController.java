package dev.rollout.worker.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rollout.activities.device.EventRecorder;
import dev.rollout.activities.device.EventsResult;
import dev.rollout.definitions.device.DeviceEvent;
import dev.rollout.definitions.device.EventParser;
import dev.rollout.definitions.device.Parsed;
import dev.rollout.worker.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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

  EventsController(EventRecorder recorder) {
    this.recorder = recorder;
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
    return new Accepted(recorded.accepted(), recorded.duplicates());
  }
}
