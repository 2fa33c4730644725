package dev.rollout.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollout.activities.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionKeyIT {

  @Test
  void ordersVersionsNumericallyWithPreReleasesFirst() {
    List<String> ordered =
        Jdbc.inTransaction(
            TestDatabase.dataSource(),
            c ->
                Jdbc.query(
                    c,
                    "SELECT v FROM unnest(?::text[]) v ORDER BY version_key(v)",
                    r -> r.getString(1),
                    List.of("10.0.0", "2.10.0", "2.9.3", "2.10.0-rc.1", "0.0.1", "2.10.0+b7")));

    assertThat(ordered.subList(0, 4)).containsExactly("0.0.1", "2.9.3", "2.10.0-rc.1", "2.10.0");
    assertThat(ordered.get(5)).isEqualTo("10.0.0");
  }

  @Test
  void isNullForWhatIsNotAVersion() {
    long nulls =
        Jdbc.inTransaction(
            TestDatabase.dataSource(),
            c ->
                Jdbc.queryLong(
                    c,
                    "SELECT count(*) FROM unnest(?::text[]) v WHERE version_key(v) IS NULL",
                    List.of("two", "1.2", "1.2.3.4", "v1.2.3", "1234567.0.0")));

    assertThat(nulls).isEqualTo(5);
  }
}
