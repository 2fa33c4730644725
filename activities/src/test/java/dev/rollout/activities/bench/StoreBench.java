package dev.rollout.activities.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollout.activities.rollout.RolloutActivitiesImpl;
import dev.rollout.activities.testing.Fleet;
import dev.rollout.activities.testing.FleetSpec;
import dev.rollout.activities.testing.Outcomes;
import dev.rollout.activities.testing.Plans;
import dev.rollout.activities.testing.Releases;
import dev.rollout.activities.testing.TestDatabase;
import dev.rollout.definitions.plan.Plan;
import dev.rollout.workflows.rollout.MeasureRequest;
import dev.rollout.workflows.rollout.PrepareRequest;
import dev.rollout.workflows.rollout.WaveRequest;
import dev.rollout.workflows.rollout.WaveResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * The store's scale figures (issue 3) on a 1,000,000-device fleet in the embedded PostgreSQL: (a)
 * assigning a 250,000-device phase vs a plain INSERT … SELECT of the same rows into a table of the
 * same definition, (b) a gate measurement over those 250,000 devices, (c) prepare's population. Not
 * a test: run it with {@code ./mvnw -B -pl activities -am -Pbench process-test-classes}.
 */
public final class StoreBench {

  private static final String ROLLOUT = "bench";
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int DEVICES = Integer.getInteger("bench.devices", 1_000_000);
  private static final int RUNS = 3;
  private static final List<String> FIGURES = new ArrayList<>();

  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    DataSource db = TestDatabase.dataSource();
    TestDatabase.reset();
    Releases.register(db, "2.4.0", "th-100", "th-200");
    Plan plan = Plans.fourPhase("bench", "2.4.0");
    RolloutActivitiesImpl activities = new RolloutActivitiesImpl(db);
    report("seed " + DEVICES + " devices", time(() -> Fleet.seed(db, FleetSpec.of(DEVICES))));
    sql(db, "VACUUM ANALYZE devices");
    // the records' JSON is the plan format: the real parser reads it back
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.set("plan", new ObjectMapper().valueToTree(plan));
    report(
        "(c) prepare: population of " + DEVICES + " devices",
        time(() -> activities.prepare(new PrepareRequest(ROLLOUT, input))));
    report(
        "(c) prepare retried (replaces the population)",
        time(() -> activities.prepare(new PrepareRequest(ROLLOUT, input))));
    sql(db, "VACUUM ANALYZE rollout_population");
    assignVersusPlainInsert(db, activities);
    measure(db, activities);
    BenchLog.write("StoreBench", FIGURES);
  }

  /** (a) Alternating runs; each starts from an empty assignments table. */
  private static void assignVersusPlainInsert(DataSource db, RolloutActivitiesImpl activities)
      throws Exception {
    sql(db, "DROP TABLE IF EXISTS scratch");
    sql(db, "CREATE TABLE scratch (LIKE assignments INCLUDING ALL)");
    List<Long> assign = new ArrayList<>();
    List<Long> plain = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      sql(db, "TRUNCATE assignments, scratch");
      WaveResult[] result = new WaveResult[1];
      assign.add(
          time(
              () ->
                  result[0] =
                      activities.assignWave(new WaveRequest(ROLLOUT, 2, Long.MAX_VALUE, T0))));
      plain.add(time(() -> sql(db, "INSERT INTO scratch SELECT * FROM assignments")));
      System.out.printf("   run %d: %s%n", i + 1, result[0]);
    }
    long a = median(assign);
    long p = median(plain);
    report("(a) assignWave of a " + DEVICES / 4 + "-device phase, median of " + RUNS, a);
    report("(a) plain INSERT ... SELECT of the same rows, median of " + RUNS, p);
    figure(
        String.format("(a) ratio assignWave / plain insert: %.2f (target <= 2)", (double) a / p));
  }

  /** (b) Realistic mix, then warm-up and timed runs; before and after (auto)vacuum. */
  private static void measure(DataSource db, RolloutActivitiesImpl activities) throws Exception {
    Outcomes.complete(db, ROLLOUT, 2, 200_000, 5_000, T0);
    sql(db, "ANALYZE assignments");
    // about 5,000 of the 45,000 still pending are downloading
    sql(
        db,
        "UPDATE assignments SET outcome = 'IN_PROGRESS', attempts = 1, started_at = assigned_at,"
            + " updated_at = assigned_at WHERE outcome = 'PENDING' AND hashtext(device_id) % 9 = 0");
    MeasureRequest request = new MeasureRequest(ROLLOUT, 2, false, T0.plusSeconds(3700));
    report(
        "(b) measure over " + DEVICES / 4 + " assigned, fresh after bulk updates, median of 15",
        medianOf(activities, request));
    sql(db, "VACUUM ANALYZE assignments");
    report(
        "(b) measure over " + DEVICES / 4 + " assigned, after (auto)vacuum, median of 15",
        medianOf(activities, request));
    System.out.println("   counts: " + activities.measure(request).phase());
  }

  private static long medianOf(RolloutActivitiesImpl activities, MeasureRequest request)
      throws Exception {
    for (int i = 0; i < 5; i++) {
      activities.measure(request);
    }
    List<Long> runs = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      runs.add(time(() -> activities.measure(request)));
    }
    return median(runs);
  }

  private static Object sql(DataSource db, String sql) {
    try (var connection = db.getConnection();
        var statement = connection.createStatement()) {
      statement.execute(sql);
      return null;
    } catch (java.sql.SQLException e) {
      throw new dev.rollout.activities.store.StoreException(e);
    }
  }

  private static long time(Callable<?> work) throws Exception {
    long start = System.nanoTime();
    work.call();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void report(String what, long millis) {
    figure(String.format("%-80s %7d ms", what, millis));
  }

  private static void figure(String text) {
    String line = BenchLog.PREFIX + "store " + text;
    System.out.println(line);
    FIGURES.add(line);
  }
}
