package dev.rollout.worker.mgmt.fleet;

import dev.rollout.activities.mgmt.FleetComposition;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fleet's composition: versions × hardware models, regions, online vs offline. */
@RestController
class FleetController {

  private final DataSource dataSource;
  private final Clock clock = Clock.systemUTC();

  FleetController(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @GetMapping("/mgmt/v1/fleet")
  FleetComposition fleet() {
    return FleetComposition.read(dataSource, clock.instant());
  }
}
