package dev.rollout.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpFailureTest {

  static boolean retryable(int status) {
    return new HttpFailure(status, "CODE", "message", null).retryable();
  }

  @Test
  void everyServerErrorIsRetriedSoNoEventIsDroppedForTheServersTrouble() {
    assertThat(retryable(500)).isTrue();
    assertThat(retryable(502)).isTrue();
    assertThat(retryable(503)).isTrue();
    assertThat(retryable(504)).isTrue();
    assertThat(retryable(429)).isTrue();
    assertThat(retryable(408)).isTrue();
  }

  @Test
  void aVerdictOnTheRequestIsNotRetried() {
    assertThat(retryable(400)).isFalse();
    assertThat(retryable(401)).isFalse();
    assertThat(retryable(403)).isFalse();
    assertThat(retryable(409)).isFalse();
    assertThat(retryable(413)).isFalse();
  }
}
