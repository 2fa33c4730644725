package dev.rollout.activities.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.workflows.rollout.RolloutState;
import org.junit.jupiter.api.Test;

/**
 * Scale is part of correctness: the workflow acts on sets of devices, so its history does not grow
 * with the fleet. A four-phase rollout over 100,000 devices in PostgreSQL stays under 2,000 history
 * events ({@code HistoryBench} runs the same at 1,000,000).
 */
class HistoryBoundIT {

  @Test
  void historyStaysBoundedForAHundredThousandDevices() throws Exception {
    FourPhaseRollout.Run run = FourPhaseRollout.run(FourPhaseRollout.seed(100_000));

    assertThat(run.state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(run.assigned()).isEqualTo(100_000);
    long events = run.history().getEventsCount();
    System.out.printf("a four-phase rollout over 100,000 devices: %d history events%n", events);
    assertThat(events).isLessThan(2000);
  }
}
