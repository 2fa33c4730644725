package dev.rollout.definitions.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollout.definitions.plan.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceImportTest {

  @Test
  void readsCsvWithTags() {
    Parsed<List<DeviceRecord>> parsed =
        DeviceImport.csv(
            "id,hardwareModel,region,version,tags\r\n"
                + "d-1,th-100,eu-west,2.3.0,channel=stable;internal=true\r\n"
                + "\n"
                + "d-2,th-200,us-east,2.2.0,\n");
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.value()).hasSize(2);
    assertThat(parsed.value().get(0).tags())
        .isEqualTo(Map.of("channel", "stable", "internal", "true"));
    assertThat(parsed.value().get(1).tags()).isEmpty();
  }

  @Test
  void csvProblemsNameTheLine() {
    Parsed<List<DeviceRecord>> parsed =
        DeviceImport.csv(
            "id,hardwareModel,region,version,tags\n"
                + "d-1,th-100,eu-west,2.3.0,\n"
                + "d-2,th-100,eu-west,two,\n"
                + "d-1,th-100,eu-west,2.3.0,\n"
                + "d-3,th-100\n"
                + "d-4,th-100,eu-west,2.3.0,broken\n");
    assertThat(parsed.problems())
        .extracting(Problem::path, Problem::code)
        .containsExactly(
            tuple("line 3: version", "INVALID_VERSION"),
            tuple("line 4", "DUPLICATE_ID"),
            tuple("line 5", "WRONG_COLUMNS"),
            tuple("line 6: tags", "INVALID_FORMAT"));
  }

  @Test
  void csvNeedsTheHeader() {
    assertThat(DeviceImport.csv("d-1,th-100,eu-west,2.3.0,\n").problems())
        .extracting(Problem::code)
        .containsExactly("BAD_HEADER");
  }

  @Test
  void jsonProblemsNameTheDevice() throws Exception {
    String json =
        "{'devices': [{'id': 'd-1', 'hardwareModel': 'th-100', 'region': 'eu-west',"
            + " 'version': '2.3.0', 'tags': {'channel': 'stable'}},"
            + " {'id': 'd-2', 'hardwareModel': 'th-100', 'region': 'eu-west', 'version': 'x'},"
            + " {'id': '', 'region': 'eu-west', 'version': '2.3.0', 'colour': 'red'}]}";
    Parsed<List<DeviceRecord>> parsed =
        DeviceImport.json(new ObjectMapper().readTree(json.replace('\'', '"')));
    assertThat(parsed.problems())
        .extracting(Problem::path, Problem::code)
        .containsExactly(
            tuple("devices[1].version", "INVALID_VERSION"),
            tuple("devices[2].id", "OUT_OF_RANGE"),
            tuple("devices[2].hardwareModel", "REQUIRED"),
            tuple("devices[2].colour", "UNKNOWN_FIELD"));
  }

  @Test
  void emptyImportIsRefused() throws Exception {
    assertThat(DeviceImport.json(new ObjectMapper().readTree("{\"devices\": []}")).problems())
        .extracting(Problem::code)
        .containsExactly("EMPTY");
  }
}
