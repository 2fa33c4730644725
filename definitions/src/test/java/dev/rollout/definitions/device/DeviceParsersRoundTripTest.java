package dev.rollout.definitions.device;

import static dev.rollout.definitions.device.DeviceParsersFuzzTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.definitions.device.CheckInReport.NetworkReport;
import dev.rollout.definitions.version.SemVer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Valid documents, however generated, parse back to exactly what was written. */
class DeviceParsersRoundTripTest {

  @Property(tries = 300)
  void checkInsRoundTrip(@ForAll("checkIns") CheckInReport report) {
    ObjectNode body = JSON.createObjectNode();
    body.put("version", report.version().toString()).put("hardwareModel", report.hardwareModel());
    body.put("localTime", report.localTime().toString());
    putIfSet(body, "batteryPercent", report.batteryPercent());
    putIfSet(body, "charging", report.charging());
    putIfSet(body, "freeStorageBytes", report.freeStorageBytes());
    NetworkReport network = report.network();
    if (!network.equals(NetworkReport.UNKNOWN)) {
      ObjectNode node = body.putObject("network");
      putIfSet(node, "type", network.type());
      putIfSet(node, "metered", network.metered());
      putIfSet(node, "quality", network.quality());
    }
    assertThat(CheckInParser.parse(body)).isEqualTo(Parsed.of(report));
  }

  @Property(tries = 300)
  void eventBatchesRoundTrip(@ForAll("events") List<DeviceEvent> events) {
    ObjectNode body = JSON.createObjectNode();
    events.forEach(event -> body.withArray("events").add(JSON.valueToTree(event.content())));
    assertThat(EventParser.parse(body)).isEqualTo(Parsed.of(events));
  }

  @Property(tries = 200)
  void importsRoundTripAsJsonAndAsCsv(@ForAll("devices") List<DeviceRecord> devices) {
    ObjectNode body = JSON.createObjectNode();
    StringBuilder csv = new StringBuilder(DeviceImport.CSV_HEADER).append('\n');
    for (DeviceRecord device : devices) {
      ObjectNode node = body.withArray("devices").addObject();
      node.put("id", device.id()).put("hardwareModel", device.hardwareModel());
      node.put("region", device.region()).put("version", device.version().toString());
      device.tags().forEach(node.putObject("tags")::put);
      String tags =
          device.tags().entrySet().stream()
              .map(tag -> tag.getKey() + "=" + tag.getValue())
              .collect(Collectors.joining(";"));
      csv.append(
          String.join(
              ",",
              device.id(),
              device.hardwareModel(),
              device.region(),
              device.version().toString(),
              tags + "\n"));
    }
    assertThat(DeviceImport.json(body)).isEqualTo(Parsed.of(devices));
    assertThat(DeviceImport.csv(csv.toString())).isEqualTo(Parsed.of(devices));
  }

  @Provide
  Arbitrary<CheckInReport> checkIns() {
    Arbitrary<NetworkReport> network =
        Combinators.combine(
                word().injectNull(0.3),
                Arbitraries.of(true, false).injectNull(0.3),
                Arbitraries.doubles().between(0, 1).injectNull(0.3))
            .as(NetworkReport::new);
    Arbitrary<OffsetDateTime> localTime =
        Combinators.combine(
                Arbitraries.longs().between(0, 4_000_000_000L),
                Arbitraries.integers().between(-18 * 60, 18 * 60))
            .as(
                (seconds, minutes) ->
                    OffsetDateTime.ofInstant(
                        Instant.ofEpochSecond(seconds), ZoneOffset.ofTotalSeconds(minutes * 60)));
    return Combinators.combine(
            versions(),
            word(),
            Arbitraries.integers().between(0, 100).injectNull(0.2),
            Arbitraries.of(true, false).injectNull(0.2),
            Arbitraries.longs().greaterOrEqual(0).injectNull(0.2),
            network,
            localTime)
        .as(CheckInReport::new);
  }

  @Provide
  Arbitrary<List<DeviceEvent>> events() {
    Arbitrary<DeviceEvent.Header> header =
        Combinators.combine(
                word(),
                word(),
                Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli))
            .as(DeviceEvent.Header::new);
    Arbitrary<Long> ms = Arbitraries.longs().between(0, 365L * 24 * 3600 * 1000);
    Arbitrary<String> code =
        Arbitraries.strings().withChars("ABCZ019_").ofMinLength(1).ofMaxLength(64);
    Arbitrary<String> detail =
        Arbitraries.strings().alpha().numeric().withChars(" é\n").ofMaxLength(1000);
    Arbitrary<DeviceEvent> event =
        Arbitraries.oneOf(
            Combinators.combine(header, versions(), Arbitraries.of(true, false))
                .as(DeviceEvent.DownloadStarted::new),
            Combinators.combine(header, ms).as(DeviceEvent.DownloadFinished::new),
            header.map(DeviceEvent.Verified::new),
            Combinators.combine(header, ms).as(DeviceEvent.Installed::new),
            Combinators.combine(header, versions()).as(DeviceEvent.Rebooted::new),
            Combinators.combine(header, Arbitraries.of(true, false), versions())
                .as(DeviceEvent.Health::new),
            Combinators.combine(header, code, detail).as(DeviceEvent.Failed::new),
            Combinators.combine(header, code).as(DeviceEvent.Deferred::new),
            Combinators.combine(header, versions()).as(DeviceEvent.RolledBack::new),
            Combinators.combine(header, code, detail).as(DeviceEvent.RollbackFailed::new));
    return event.list().ofMinSize(1).ofMaxSize(EventParser.MAX_EVENTS);
  }

  @Provide
  Arbitrary<List<DeviceRecord>> devices() {
    Arbitrary<Map<String, String>> tags =
        Arbitraries.maps(word(), Arbitraries.strings().alpha().numeric().ofMaxLength(20))
            .ofMaxSize(4);
    return Combinators.combine(word(), word(), word(), versions(), tags)
        .as(DeviceRecord::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(20)
        .uniqueElements(DeviceRecord::id);
  }

  private static Arbitrary<String> word() {
    return Arbitraries.strings().withChars("abcxyz019_-").ofMinLength(1).ofMaxLength(30);
  }

  private static Arbitrary<SemVer> versions() {
    Arbitrary<Integer> part = Arbitraries.integers().between(0, 99_999);
    return Combinators.combine(part, part, part)
        .as((a, b, c) -> SemVer.parse(a + "." + b + "." + c));
  }

  private static void putIfSet(ObjectNode node, String field, Object value) {
    if (value != null) {
      node.set(field, JSON.valueToTree(value));
    }
  }
}
