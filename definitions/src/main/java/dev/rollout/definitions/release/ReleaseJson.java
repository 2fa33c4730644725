package dev.rollout.definitions.release;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.rollout.definitions.version.SemVer;
import java.io.IOException;

/** Versions travel as their text ({@code "2.4.0"}), as in plans and on the device API. */
public final class ReleaseJson {

  private ReleaseJson() {}

  /** Writes {@code "2.4.0-rc.1"}. */
  public static final class SemVerSerializer extends StdScalarSerializer<SemVer> {
    private static final long serialVersionUID = 1L;

    public SemVerSerializer() {
      super(SemVer.class);
    }

    @Override
    public void serialize(SemVer value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** Reads only a JSON string holding a semantic version; a number such as 2.4 is refused. */
  public static final class SemVerDeserializer extends StdScalarDeserializer<SemVer> {
    private static final long serialVersionUID = 1L;

    public SemVerDeserializer() {
      super(SemVer.class);
    }

    @Override
    public SemVer deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (SemVer) context.handleUnexpectedToken(SemVer.class, parser);
      }
      String text = parser.getText();
      try {
        return SemVer.parse(text);
      } catch (IllegalArgumentException e) {
        return (SemVer) context.handleWeirdStringValue(SemVer.class, text, e.getMessage());
      }
    }
  }
}
