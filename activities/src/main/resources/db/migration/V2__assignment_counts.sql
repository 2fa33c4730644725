-- Gate counts kept up to date by statement-level triggers, so measuring a phase reads a few dozen
-- rows instead of scanning 250,000 (the gate must answer in well under 100 ms whatever the load).
-- Every write to assignments is caught (set-based activities and the device API alike), one
-- aggregate per statement over its transition tables. Counts are striped by device so that
-- concurrent check-ins of one phase do not all queue on the same counter row.
CREATE TABLE assignment_counts (
  rollout_id text NOT NULL,
  phase      int NOT NULL,
  outcome    text NOT NULL,
  unhealthy  boolean NOT NULL,   -- healthy = false (reported unhealthy)
  stripe     int NOT NULL,       -- hashtext(device_id) & 7
  devices    bigint NOT NULL,
  PRIMARY KEY (rollout_id, phase, outcome, unhealthy, stripe)
);

CREATE FUNCTION count_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- net change per key; ordered so that concurrent statements lock counter rows in one order
  IF TG_OP = 'INSERT' THEN
    INSERT INTO assignment_counts AS c
    SELECT rollout_id, phase, outcome, coalesce(NOT healthy, false), hashtext(device_id) & 7, count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (rollout_id, phase, outcome, unhealthy, stripe)
    DO UPDATE SET devices = c.devices + excluded.devices;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO assignment_counts AS c
    SELECT rollout_id, phase, outcome, unhealthy, stripe, sum(delta)
    FROM (SELECT rollout_id, phase, outcome, coalesce(NOT healthy, false) AS unhealthy,
                 hashtext(device_id) & 7 AS stripe, -1 AS delta FROM old_rows
          UNION ALL
          SELECT rollout_id, phase, outcome, coalesce(NOT healthy, false),
                 hashtext(device_id) & 7, 1 FROM new_rows) changes
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (rollout_id, phase, outcome, unhealthy, stripe)
    DO UPDATE SET devices = c.devices + excluded.devices;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO assignment_counts AS c
    SELECT rollout_id, phase, outcome, coalesce(NOT healthy, false), hashtext(device_id) & 7, -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (rollout_id, phase, outcome, unhealthy, stripe)
    DO UPDATE SET devices = c.devices + excluded.devices;
  ELSE -- TRUNCATE
    DELETE FROM assignment_counts;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER assignments_count_insert AFTER INSERT ON assignments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_assignments();
CREATE TRIGGER assignments_count_update AFTER UPDATE ON assignments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_assignments();
CREATE TRIGGER assignments_count_delete AFTER DELETE ON assignments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_assignments();
CREATE TRIGGER assignments_count_truncate AFTER TRUNCATE ON assignments
  FOR EACH STATEMENT EXECUTE FUNCTION count_assignments();

-- gate counts no longer scan assignments by (phase, outcome); the index stays for the phase's
-- set-based updates (rollback offers, p90)
