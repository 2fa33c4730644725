package dev.rollout.worker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.worker.EngineTest;
import dev.rollout.worker.demo.Demo.DemoOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The demo path end to end, smaller and faster than {@code ./rollout demo}: signed releases through
 * the mgmt API, simulated devices over the device API, 2.4.0 rolled out to completion and 2.4.1
 * stopped by its gate and rolled back.
 */
class DemoIT extends EngineTest {

  @Test
  void theGoodReleaseCompletesAndTheBadOneRollsBack() throws Exception {
    StringWriter out = new StringWriter();
    Demo demo =
        new Demo(
            // speed 3, not faster: the first phase's gate needs 5 of 9 devices done within three
            // soaks, and on two loaded cores the devices' fixed overheads do not scale with speed
            new DemoOptions(1500, 3, false),
            URI.create("http://127.0.0.1:" + port),
            adminToken(),
            new PrintWriter(out, true));

    boolean asExpected = demo.run();

    assertThat(out.toString())
        .contains("Registered signed release 2.4.1", "deltas from [2.3.0]", "GATE_FAILED")
        .contains("approving phase half");
    assertThat(asExpected).as(out.toString()).isTrue();
    assertThat(state("rollout-thermostat-2-4-0")).isEqualTo("COMPLETED");
    assertThat(state("rollout-thermostat-2-4-1")).isEqualTo("ROLLED_BACK");
    assertThat(
            count(
                "SELECT count(*) FROM assignments WHERE rollout_id = 'rollout-thermostat-2-4-1'"
                    + " AND outcome = 'SUCCEEDED' AND rollback_state IS DISTINCT FROM 'DONE'"))
        .as("every device updated to 2.4.1 was rolled back")
        .isZero();
  }

  private String state(String rolloutId) {
    return Jdbc.inTransaction(
        dataSource,
        connection ->
            Jdbc.query(
                    connection,
                    "SELECT state FROM rollouts WHERE id = ?",
                    row -> row.getString(1),
                    rolloutId)
                .get(0));
  }

  private long count(String sql) {
    return Jdbc.inTransaction(dataSource, connection -> Jdbc.queryLong(connection, sql));
  }
}
