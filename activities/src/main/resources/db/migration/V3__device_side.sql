-- The device side (DESIGN.md §4, §5) and operator access (issue 5).

-- A release as registered: its product line and the signed manifest exactly as uploaded (the
-- SignedManifest JSON that devices verify). Rows without a manifest cannot be offered.
ALTER TABLE releases
  ADD COLUMN product  text,
  ADD COLUMN manifest text;

-- what a device is installing for the assignment: the target, or a stepping-stone release before
-- it; a device that reboots into its previous version instead is a silent fallback (FAILED)
ALTER TABLE assignments
  ADD COLUMN installing_version text,
  ADD COLUMN used_delta         boolean,
  ADD COLUMN rebooted           boolean;

-- check-in looks for retries too (FAILED or TIMED_OUT with attempts left)
DROP INDEX assignments_device_active;
CREATE INDEX assignments_device_active ON assignments (device_id)
  WHERE outcome IN ('PENDING', 'DEFERRED', 'IN_PROGRESS', 'FAILED', 'TIMED_OUT')
     OR rollback_state = 'OFFERED';

-- event ids are the device's own: idempotency is per device, so one device cannot squat another's
-- ids; digest is the SHA-256 of the event as first received, to tell a replay from a reuse
ALTER TABLE device_events DROP CONSTRAINT device_events_pkey;
ALTER TABLE device_events ADD COLUMN digest text NOT NULL DEFAULT '';
ALTER TABLE device_events ADD PRIMARY KEY (device_id, event_id);
DROP INDEX device_events_device;
CREATE INDEX device_events_device_at ON device_events (device_id, at);
CREATE INDEX device_events_rollout ON device_events (rollout_id, type) WHERE rollout_id IS NOT NULL;

-- operator tokens for /mgmt/v1, stored hashed (SHA-256, hex)
CREATE TABLE operator_tokens (
  token_hash text PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  role       text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
