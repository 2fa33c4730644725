package dev.rollout.definitions.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Text that hides or reorders what a reviewer sees (controls, bidi overrides, zero-width
 * characters, unpaired surrogates) never makes a plan valid where a name or a label is expected,
 * and never reaches a problem's path or message as such: it is shown as {@code \}{@code uXXXX}.
 */
class PlanUnicodeFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char[] TRICKS = {
    '\u0000', '\u0007', '\u001b', '\u0085', '\u200b', '\u200d', '\u200e', '\u202e', '\u2066',
    '\u2028', '\ufeff', '\ud800', '\udbff', '\udc00', '\u0441', '\u0435', '\uff41', '-', '=', ';'
  };

  @Provide
  Arbitrary<String> tricky() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars(TRICKS)
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(PlanUnicodeFuzzTest::hasTrick);
  }

  @Property(tries = 300)
  void namesWithTricksAreRefusedVisibly(@ForAll("tricky") String name) {
    ObjectNode plan = plan();
    plan.put("name", name);
    ((ObjectNode) plan.withArray("phases").get(0)).put("name", name);
    assertRefusedVisibly(plan);
  }

  @Property(tries = 300)
  void labelsWithTricksAreRefusedVisibly(@ForAll("tricky") String label) {
    ObjectNode plan = plan();
    ObjectNode target = plan.putObject("target");
    target.putArray("regions").add(label);
    target.putArray("hardwareModels").add(label);
    target.putObject("tags").put(label, "x").put("ring", label);
    assertRefusedVisibly(plan);
  }

  @Property(tries = 200)
  void unknownKeysWithTricksArePathedVisibly(@ForAll("tricky") String key) {
    ObjectNode plan = plan();
    ((ObjectNode) plan.withArray("phases").get(0)).putObject("gate").put(key, 1);
    assertRefusedVisibly(plan);
  }

  private static ObjectNode plan() {
    ObjectNode plan = JSON.createObjectNode();
    plan.put("apiVersion", "rollout/v1").put("name", "unicode").put("release", "2.4.0");
    ObjectNode phase = plan.putArray("phases").addObject();
    phase.put("name", "all").put("soak", "1h").putObject("cohort").put("percent", 100);
    return plan;
  }

  private static void assertRefusedVisibly(ObjectNode plan) {
    // through the text reader too: JSON escapes carry the lone surrogates in
    for (PlanResult result : new PlanResult[] {PlanParser.parse(plan), parseText(plan)}) {
      assertThat(result).isInstanceOf(PlanResult.Invalid.class);
      assertThat(((PlanResult.Invalid) result).problems())
          .allSatisfy(
              problem -> {
                assertThat(problem.code()).isNotEqualTo("INTERNAL_ERROR");
                assertThat(Describe.firstInvisible(problem.path())).isEqualTo(-1);
                assertThat(Describe.firstInvisible(problem.message())).isEqualTo(-1);
              });
    }
  }

  private static PlanResult parseText(ObjectNode plan) {
    // Jackson writes unpaired surrogates raw; escape everything outside ASCII as JSON allows
    StringBuilder text = new StringBuilder();
    for (char c : plan.toString().toCharArray()) {
      text.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return PlanParser.parse(text.toString());
  }

  private static boolean hasTrick(String text) {
    return text.chars().anyMatch(c -> (c > 'z' || c < 'a') && c != '-');
  }
}
