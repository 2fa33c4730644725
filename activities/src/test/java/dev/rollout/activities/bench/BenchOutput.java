package dev.rollout.activities.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the figures a benchmark prints: every line of standard output that starts with {@code BENCH
 * } during a test class also goes to {@code target/bench/<class>.txt}, so one command can collect
 * the whole suite's figures. Registered by auto-detection ({@code META-INF/services}), which only
 * the {@code bench} profile turns on ({@code junit.jupiter.extensions.autodetection.enabled}); the
 * benchmarks themselves just print.
 */
public final class BenchOutput implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(BenchOutput.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    PrintStream original = System.out;
    Lines lines = new Lines(original);
    context.getStore(NS).put("original", original);
    context.getStore(NS).put("lines", lines);
    System.setOut(new PrintStream(lines, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    System.out.flush();
    System.setOut(context.getStore(NS).get("original", PrintStream.class));
    List<String> figures = context.getStore(NS).get("lines", Lines.class).figures;
    if (!figures.isEmpty()) {
      BenchLog.write(context.getRequiredTestClass().getSimpleName(), figures);
    }
  }

  /** Passes everything through and keeps the {@code BENCH } lines. */
  private static final class Lines extends OutputStream {
    private final PrintStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> figures = new ArrayList<>();

    Lines(PrintStream out) {
      this.out = out;
    }

    @Override
    public synchronized void write(int b) {
      out.write(b);
      keep(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      out.write(bytes, offset, length);
      for (int i = offset; i < offset + length; i++) {
        keep(bytes[i]);
      }
    }

    private void keep(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        if (text.startsWith(BenchLog.PREFIX)) {
          figures.add(text.stripTrailing());
        }
        line.reset();
      } else if (line.size() < 64 * 1024) {
        line.write(b);
      }
    }

    @Override
    public void flush() {
      out.flush();
    }
  }
}
