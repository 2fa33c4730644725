package dev.rollout.activities.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.workflows.rollout.RolloutState;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * History and payload sizes of a four-phase rollout over 1,000,000 devices (issue 6), against
 * Temporal's limits: {@link HistoryBoundIT}'s rollout (24 h soaks, waves, gates; devices answer at
 * once through the real store) at the scale of a large fleet. Not part of the suite (the name
 * matches no include); {@code ./mvnw -B verify -Pbench} runs it, {@code -Dbench.devices=N} scales
 * it. Lives next to {@link SimulatedFleet}, which it needs.
 */
class HistoryBench {

  static final int DEVICES = Integer.getInteger("bench.devices", 1_000_000);

  @Test
  void historyOfAMillionDeviceRolloutStaysFarUnderTemporalsLimits() throws Exception {
    long seedStart = System.nanoTime();
    DataSource db = FourPhaseRollout.seed(DEVICES);
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    FourPhaseRollout.Run run = FourPhaseRollout.run(db);

    assertThat(run.state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(run.assigned()).isEqualTo(DEVICES);
    HistorySizes sizes = HistorySizes.of(run.history());
    System.out.printf(
        "BENCH history devices=%d seed=%.1fs rollout-wall=%.1fs (time-skipping: 4 x 24h soaks)"
            + " events=%d bytes=%d largest-payload=%d (%s) largest-event-payloads=%d%n",
        DEVICES,
        seedSeconds,
        run.seconds(),
        sizes.events(),
        sizes.bytes(),
        sizes.largestPayload(),
        sizes.largestPayloadEvent(),
        sizes.largestEventPayloads());
    System.out.println(
        "BENCH history limits: 51,200 events, 50 MB, 2 MB per payload; " + sizes.margins());
    // far under: a tenth of each limit at most
    assertThat(sizes.events()).isLessThan(HistorySizes.MAX_EVENTS / 10);
    assertThat(sizes.bytes()).isLessThan(HistorySizes.MAX_BYTES / 10);
    assertThat(sizes.largestPayload()).isLessThan(HistorySizes.MAX_PAYLOAD / 10);
  }
}
