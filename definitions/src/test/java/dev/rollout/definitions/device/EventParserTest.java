package dev.rollout.definitions.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.definitions.plan.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventParserTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void readsEachTypeWithItsFields() throws Exception {
    Parsed<List<DeviceEvent>> parsed =
        EventParser.parse(
            json(
                "{'events': [{'eventId': 'a1', 'rolloutId': 'rollout-x', 'type': 'DOWNLOAD_STARTED',"
                    + " 'at': '2026-11-28T02:12:03Z', 'version': '2.4.0', 'delta': true},"
                    + " {'eventId': 'a2', 'rolloutId': 'rollout-x', 'type': 'FAILED',"
                    + " 'at': '2026-11-28T02:12:04Z', 'errorCode': 'HASH_MISMATCH'}]}"));
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.value().get(0)).isInstanceOf(DeviceEvent.DownloadStarted.class);
    assertThat(((DeviceEvent.DownloadStarted) parsed.value().get(0)).delta()).isTrue();
    assertThat(((DeviceEvent.Failed) parsed.value().get(1)).detail()).isEmpty();
  }

  @Test
  void reportsEveryProblemWithItsPath() throws Exception {
    Parsed<List<DeviceEvent>> parsed =
        EventParser.parse(
            json(
                "{'events': [{'eventId': 'bad id!', 'rolloutId': 'r', 'type': 'INSTALLED',"
                    + " 'at': 'yesterday'},"
                    + " {'eventId': 'b', 'rolloutId': 'r', 'type': 'EXPLODED', 'at': '2026-11-28T02:00:00Z'},"
                    + " {'eventId': 'c', 'rolloutId': 'r', 'type': 'HEALTH', 'at': '2026-11-28T02:00:00Z',"
                    + " 'version': '2.x'}]}"));
    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.problems())
        .extracting(Problem::path, Problem::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("events[0].eventId", "INVALID_FORMAT"),
            org.assertj.core.groups.Tuple.tuple("events[0].at", "INVALID_FORMAT"),
            org.assertj.core.groups.Tuple.tuple("events[1].type", "UNKNOWN_TYPE"),
            org.assertj.core.groups.Tuple.tuple("events[2].healthy", "REQUIRED"),
            org.assertj.core.groups.Tuple.tuple("events[2].version", "INVALID_VERSION"));
  }

  @Test
  void refusesMoreThanAHundredEvents() throws Exception {
    StringBuilder events = new StringBuilder();
    for (int i = 0; i <= EventParser.MAX_EVENTS; i++) {
      events
          .append(i == 0 ? "" : ",")
          .append("{'eventId': 'e")
          .append(i)
          .append("', 'rolloutId': 'r', 'type': 'VERIFIED', 'at': '2026-11-28T02:00:00Z'}");
    }
    assertThat(EventParser.parse(json("{'events': [" + events + "]}")).problems())
        .extracting(Problem::code)
        .containsExactly("TOO_MANY");
  }

  @Test
  void digestIgnoresSpellingButNotContent() throws Exception {
    String a =
        "{'events': [{'eventId': 'x', 'rolloutId': 'r', 'type': 'INSTALLED',"
            + " 'at': '2026-11-28T03:00:00+01:00', 'durationMs': 5}]}";
    String sameMeaning =
        "{'events': [{'durationMs': 5, 'type': 'INSTALLED', 'eventId': 'x', 'rolloutId': 'r',"
            + " 'at': '2026-11-28T02:00:00Z'}]}";
    String other = a.replace("'durationMs': 5", "'durationMs': 6");
    String digest = EventDigest.of(EventParser.parse(json(a)).value().get(0));
    assertThat(EventDigest.of(EventParser.parse(json(sameMeaning)).value().get(0)))
        .isEqualTo(digest);
    assertThat(EventDigest.of(EventParser.parse(json(other)).value().get(0))).isNotEqualTo(digest);
  }
}
