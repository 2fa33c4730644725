package dev.rollout.definitions.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.definitions.plan.Problem;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever a device or an operator sends, the device API's parsers answer with a {@link Parsed}: a
 * value, or problems each with a code and a message (and a path below the document). They never
 * throw. Arbitrary text, and valid documents with one field dropped, retyped or made huge.
 */
class DeviceParsersFuzzTest {

  static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<Function<JsonNode, JsonNode>> PARSERS =
      List.of(
          body -> parsedAsNode(CheckInParser.parse(body)),
          body -> parsedAsNode(EventParser.parse(body)),
          body -> parsedAsNode(DeviceImport.json(body)));

  static final String CHECK_IN =
      "{\"version\": \"2.4.0\", \"hardwareModel\": \"th-100\", \"batteryPercent\": 80,"
          + " \"charging\": true, \"freeStorageBytes\": 900000000, \"network\": {\"type\":"
          + " \"wifi\", \"metered\": false, \"quality\": 0.9}, \"localTime\":"
          + " \"2026-11-28T12:00:00+01:00\"}";
  static final String EVENTS =
      "{\"events\": [{\"eventId\": \"e-1\", \"rolloutId\": \"rollout-a\", \"type\":"
          + " \"FAILED\", \"at\": \"2026-11-28T02:00:00Z\", \"errorCode\": \"E_IO\", \"detail\":"
          + " \"disk\"}, {\"eventId\": \"e-2\", \"rolloutId\": \"rollout-a\", \"type\":"
          + " \"HEALTH\", \"at\": \"2026-11-28T02:00:00Z\", \"healthy\": true, \"version\":"
          + " \"2.4.0\"}]}";
  static final String IMPORT =
      "{\"devices\": [{\"id\": \"d-1\", \"hardwareModel\": \"th-100\", \"region\": \"eu-west\","
          + " \"version\": \"2.3.0\", \"tags\": {\"ring\": \"beta\"}}]}";

  @Property(tries = 300)
  void arbitraryJsonTextNeverThrows(@ForAll("jsonish") String text) {
    JsonNode body;
    try {
      body = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return; // the endpoint answers MALFORMED_JSON before any parser runs
    }
    PARSERS.forEach(parser -> parser.apply(body));
  }

  @Property(tries = 200)
  void arbitraryCsvNeverThrows(@ForAll("csvish") String text) {
    assertAnswered(DeviceImport.csv(text));
  }

  @Property(tries = 400)
  void mutatedCheckInsAreAnswered(
      @ForAll("mutations") Function<JsonNode, JsonNode> mutation,
      @ForAll @IntRange(min = 0, max = 40) int where) {
    assertAnswered(CheckInParser.parse(mutate(CHECK_IN, mutation, where)));
  }

  @Property(tries = 400)
  void mutatedEventBatchesAreAnswered(
      @ForAll("mutations") Function<JsonNode, JsonNode> mutation,
      @ForAll @IntRange(min = 0, max = 40) int where) {
    assertAnswered(EventParser.parse(mutate(EVENTS, mutation, where)));
  }

  @Property(tries = 400)
  void mutatedImportsAreAnswered(
      @ForAll("mutations") Function<JsonNode, JsonNode> mutation,
      @ForAll @IntRange(min = 0, max = 40) int where) {
    assertAnswered(DeviceImport.json(mutate(IMPORT, mutation, where)));
  }

  @Example
  void aDeviceThatIsNotAnObjectIsAProblemNotACrash() throws JsonProcessingException {
    // it was a NullPointerException (an HTTP 500 from the import endpoint)
    Parsed<List<DeviceRecord>> parsed =
        DeviceImport.json(JSON.readTree("{\"devices\": [1, null, [\"d-1\"]]}"));
    assertThat(parsed.problems())
        .extracting(Problem::path)
        .containsExactly("devices[0]", "devices[1]", "devices[2]");
  }

  @Example
  void textPostgresqlCannotStoreIsAProblem() throws JsonProcessingException {
    String batch =
        "{\"events\": [{\"eventId\": \"e-1\", \"rolloutId\": \"r\", \"type\": \"FAILED\","
            + " \"at\": \"2026-11-28T02:00:00Z\", \"errorCode\": \"E\", \"detail\": \"%s\"}]}";
    for (String detail : List.of("a\\u0000b", "a\\ud800", "\\udc00b")) {
      assertThat(EventParser.parse(JSON.readTree(batch.formatted(detail))).problems())
          .extracting(Problem::path, Problem::code)
          .containsExactly(tuple("events[0].detail", "INVALID_FORMAT"));
    }
    assertThat(EventParser.parse(JSON.readTree(batch.formatted("a\\ud83d\\ude00b"))).isValid())
        .isTrue();
  }

  @Provide
  Arbitrary<String> jsonish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ tfnaulrsNI\\").ofMaxLength(60),
        Arbitraries.strings().ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> csvish() {
    Arbitrary<String> lines =
        Arbitraries.strings()
            .withChars("abcd019.-_:;=, \t\"\u0000\u202e\ud800")
            .ofMaxLength(60)
            .list()
            .ofMaxSize(6)
            .map(list -> String.join("\n", list));
    return Arbitraries.oneOf(
        lines, lines.map(rest -> DeviceImport.CSV_HEADER + "\n" + rest), Arbitraries.strings());
  }

  @Provide
  Arbitrary<Function<JsonNode, JsonNode>> mutations() {
    List<Function<JsonNode, JsonNode>> all = new ArrayList<>();
    all.add(node -> null); // drop the field
    all.add(node -> NODES.nullNode());
    all.add(node -> NODES.booleanNode(true));
    all.add(node -> NODES.textNode(""));
    all.add(node -> NODES.textNode("x".repeat(100_000)));
    all.add(node -> NODES.textNode("2.4.0\u0000\u202e\ud800"));
    all.add(node -> NODES.numberNode(new BigInteger("9".repeat(400))));
    all.add(node -> NODES.numberNode(Long.MIN_VALUE));
    all.add(node -> NODES.numberNode(-1));
    all.add(node -> NODES.numberNode(Double.NaN));
    all.add(node -> NODES.numberNode(Double.NEGATIVE_INFINITY));
    all.add(node -> NODES.numberNode(1e308));
    all.add(node -> NODES.numberNode(0.5));
    all.add(node -> NODES.objectNode());
    all.add(node -> NODES.arrayNode().add(node));
    all.add(DeviceParsersFuzzTest::deep);
    all.add(node -> node.isTextual() ? NODES.textNode(node.textValue() + "Z") : node);
    return Arbitraries.of(all);
  }

  private static JsonNode deep(JsonNode node) {
    JsonNode nested = node;
    for (int i = 0; i < 5_000; i++) {
      nested = NODES.arrayNode().add(nested);
    }
    return nested;
  }

  /** Applies the mutation to the {@code where}-th field (depth first) of the document. */
  private static JsonNode mutate(String document, Function<JsonNode, JsonNode> how, int where) {
    try {
      JsonNode root = JSON.readTree(document);
      mutate(root, how, new int[] {where});
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean mutate(JsonNode node, Function<JsonNode, JsonNode> how, int[] left) {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(iterable(object))) {
        if (left[0]-- == 0) {
          JsonNode changed = how.apply(object.get(name));
          if (changed == null) {
            object.remove(name);
          } else {
            object.set(name, changed);
          }
          return true;
        }
        if (mutate(object.get(name), how, left)) {
          return true;
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        if (mutate(element, how, left)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> iterable(ObjectNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode parsedAsNode(Parsed<?> parsed) {
    assertAnswered(parsed);
    return NODES.nullNode();
  }

  static void assertAnswered(Parsed<?> parsed) {
    assertThat(parsed).isNotNull();
    if (!parsed.isValid()) {
      assertThat(parsed.problems())
          .isNotEmpty()
          .allSatisfy(
              problem -> {
                assertThat(problem.code()).matches("[A-Z_]+");
                assertThat(problem.message()).isNotBlank();
                assertThat(problem.path().length()).isLessThan(200);
                assertThat(problem.message().length()).isLessThan(400);
              });
    }
  }
}
