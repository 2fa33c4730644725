package dev.rollout.definitions.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.rollout.definitions.time.Durations;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Jackson support that makes a plan's JSON the plan format itself ({@code "soak": "2h"}), so that
 * the plan shown by Temporal (inputs, the status query) reads as written and parses back.
 */
final class PlanJson {

  private PlanJson() {}

  /** Writes {@code 2h}; a duration the plan syntax cannot say (sub-second) as ISO-8601. */
  public static final class DurationSerializer extends StdScalarSerializer<Duration> {
    private static final long serialVersionUID = 1L;

    public DurationSerializer() {
      super(Duration.class);
    }

    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      boolean plain = !value.isNegative() && value.getNano() == 0;
      gen.writeString(plain ? Durations.format(value) : value.toString());
    }
  }

  /** Reads {@code 2h}, and also what JavaTimeModule writes (seconds, or ISO-8601 text). */
  public static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
    private static final long serialVersionUID = 1L;

    public DurationDeserializer() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
          || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        BigDecimal seconds = parser.getDecimalValue();
        return Duration.ofSeconds(seconds.longValue())
            .plusNanos(seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
      }
      String text = parser.getValueAsString();
      if (text == null) {
        return (Duration) context.handleUnexpectedToken(Duration.class, parser);
      }
      try {
        return text.startsWith("P") || text.startsWith("-P")
            ? Duration.parse(text)
            : Durations.parse(text);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        return (Duration) context.handleWeirdStringValue(Duration.class, text, e.getMessage());
      }
    }
  }
}
