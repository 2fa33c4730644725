package dev.rollout.activities.device;

import static java.util.Objects.requireNonNull;

import dev.rollout.activities.store.Jdbc;
import dev.rollout.definitions.device.AssignmentState;
import dev.rollout.definitions.device.DeviceEvent;
import dev.rollout.definitions.device.EventDigest;
import dev.rollout.definitions.device.EventType;
import dev.rollout.definitions.device.Outcome;
import dev.rollout.definitions.device.RollbackState;
import dev.rollout.definitions.device.Transitions;
import dev.rollout.workflows.rollout.RolloutState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Records a device's event batch in one transaction (docs/device-api.md, events): the batch's
 * assignments are locked ({@code FOR UPDATE}, in rollout id order) so that concurrent batches of
 * one device serialise; events already stored are duplicates when their digest matches and a reused
 * id otherwise; the rest apply in order through {@link Transitions}. Any rejection rolls the whole
 * batch back.
 */
public final class EventRecorder {

  private static final String LOCK =
      """
      SELECT rollout_id, outcome, attempts, target_version, previous_version, rollback_state,
        installing_version, used_delta, rebooted, healthy, download_ms, install_ms,
        last_error_code, last_error_detail, deferred_reason,
        (SELECT r.state FROM rollouts r WHERE r.id = rollout_id)
      FROM assignments WHERE device_id = ? AND rollout_id = ANY(?) ORDER BY rollout_id FOR UPDATE
      """;

  private static final String INSERT =
      """
      INSERT INTO device_events (device_id, event_id, rollout_id, type, at, payload, digest)
      SELECT ?, e.* FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[],
                                ?::text[]::jsonb[], ?::text[]) e
      """;

  private static final Set<String> ENDED =
      Arrays.stream(RolloutState.values())
          .filter(RolloutState::isFinal)
          .map(Enum::name)
          .collect(Collectors.toUnmodifiableSet());

  private final DataSource dataSource;
  private final DevicePolicies policies;

  public EventRecorder(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.policies = new DevicePolicies(dataSource);
  }

  /** The events must be the device's own (the caller authenticated it). */
  public EventsResult record(String deviceId, List<DeviceEvent> events) {
    try {
      return Jdbc.inTransaction(dataSource, connection -> record(connection, deviceId, events));
    } catch (Rejection rejection) {
      return rejection.result;
    }
  }

  private EventsResult record(Connection connection, String deviceId, List<DeviceEvent> events)
      throws SQLException {
    Set<String> ended = new HashSet<>();
    Map<String, AssignmentState> states = lock(connection, deviceId, events, ended);
    Map<String, String> stored = storedDigests(connection, deviceId, events);
    Map<String, AssignmentState> before = new HashMap<>(states);
    List<DeviceEvent> fresh = new ArrayList<>();
    int duplicates = 0;
    for (DeviceEvent event : events) {
      String digest = EventDigest.of(event);
      String known = stored.putIfAbsent(event.header().eventId(), digest);
      if (known != null) {
        if (!known.equals(digest)) {
          throw new Rejection(
              "EVENT_ID_REUSED",
              "event id " + event.header().eventId() + " was already used for other content");
        }
        duplicates++;
        continue;
      }
      String rolloutId = event.header().rolloutId();
      refuseNewAttemptAfterTheEnd(states.get(rolloutId), event, ended.contains(rolloutId));
      int maxAttempts = policies.of(connection, rolloutId).maxAttempts();
      states.put(rolloutId, apply(states.get(rolloutId), event, maxAttempts));
      fresh.add(event);
    }
    insert(connection, deviceId, fresh);
    for (Map.Entry<String, AssignmentState> entry : states.entrySet()) {
      if (!entry.getValue().equals(before.get(entry.getKey()))) {
        AssignmentWrites.update(
            connection, deviceId, entry.getKey(), before.get(entry.getKey()), entry.getValue());
      }
    }
    return new EventsResult.Recorded(fresh.size(), duplicates);
  }

  /**
   * A rollout that ended offers nothing (docs/runbook.md §7): a device back after it, still holding
   * an old offer, must not reopen its assignment (FAILED or TIMED_OUT with attempts left) and be
   * offered the update again, nor change the ended rollout's counts. Events of an attempt already
   * open are refused anyway: the end made it MISSED.
   */
  private static void refuseNewAttemptAfterTheEnd(
      AssignmentState state, DeviceEvent event, boolean rolloutEnded) {
    boolean opens =
        event.type() == EventType.DOWNLOAD_STARTED
            && state.outcome() != Outcome.IN_PROGRESS
            && state.rollbackState() != RollbackState.OFFERED;
    if (rolloutEnded && opens) {
      throw new Rejection(
          "EVENT_OUT_OF_ORDER",
          "DOWNLOAD_STARTED ("
              + event.header().eventId()
              + ") does not apply: rollout "
              + event.header().rolloutId()
              + " has ended and offers nothing");
    }
  }

  private static AssignmentState apply(AssignmentState state, DeviceEvent event, int maxAttempts) {
    Transitions.Step step = Transitions.apply(state, event, maxAttempts);
    if (step instanceof Transitions.Step.OutOfOrder outOfOrder) {
      throw new Rejection("EVENT_OUT_OF_ORDER", outOfOrder.message());
    }
    return ((Transitions.Step.Applied) step).next();
  }

  /** Locks the batch's assignments; adds the rollouts that have ended to {@code ended}. */
  private static Map<String, AssignmentState> lock(
      Connection connection, String deviceId, List<DeviceEvent> events, Set<String> ended)
      throws SQLException {
    TreeSet<String> rolloutIds = new TreeSet<>();
    events.forEach(event -> rolloutIds.add(event.header().rolloutId()));
    Map<String, AssignmentState> states = new HashMap<>();
    for (Object[] row :
        Jdbc.query(
            connection,
            LOCK,
            rows ->
                new Object[] {rows.getString(1), AssignmentWrites.read(rows), rows.getString(16)},
            deviceId,
            List.copyOf(rolloutIds))) {
      states.put((String) row[0], (AssignmentState) row[1]);
      if (ENDED.contains((String) row[2])) {
        ended.add((String) row[0]);
      }
    }
    for (String rolloutId : rolloutIds) {
      if (!states.containsKey(rolloutId)) {
        throw new Rejection("NO_ASSIGNMENT", "the device has no assignment in " + rolloutId);
      }
    }
    return states;
  }

  private static Map<String, String> storedDigests(
      Connection connection, String deviceId, List<DeviceEvent> events) throws SQLException {
    List<String> ids = events.stream().map(event -> event.header().eventId()).toList();
    Map<String, String> digests = new HashMap<>();
    for (String[] row :
        Jdbc.query(
            connection,
            "SELECT event_id, digest FROM device_events WHERE device_id = ? AND event_id = ANY(?)",
            rows -> new String[] {rows.getString(1), rows.getString(2)},
            deviceId,
            ids)) {
      digests.put(row[0], row[1]);
    }
    return digests;
  }

  private static void insert(Connection connection, String deviceId, List<DeviceEvent> events)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<String> rollouts = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> ats = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    for (DeviceEvent event : events) {
      ids.add(event.header().eventId());
      rollouts.add(event.header().rolloutId());
      types.add(event.type().name());
      ats.add(event.header().at().toString());
      payloads.add(EventDigest.json(event));
      digests.add(EventDigest.of(event));
    }
    Jdbc.update(connection, INSERT, deviceId, ids, rollouts, types, ats, payloads, digests);
  }

  /** Unwinds the transaction with the answer; not an error of the store. */
  private static final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient EventsResult.Rejected result;

    Rejection(String code, String message) {
      super(code + ": " + message, null, false, false);
      this.result = new EventsResult.Rejected(code, message);
    }
  }
}
