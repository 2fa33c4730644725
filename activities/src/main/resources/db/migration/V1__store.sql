-- The rollout store (DESIGN.md §§2, 4, 5). Big tables (population, assignments) carry no foreign
-- keys: they are written set-based by the activities only, and an FK check is one more index
-- lookup for each of the 250,000 rows of a wave.

-- Orders semantic versions numerically: major << 41 | minor << 21 | patch << 1 | (1 unless a
-- pre-release). Every pre-release of x.y.z sorts just below x.y.z (their mutual order is not
-- kept). NULL when the text is not a version; each part is at most 6 digits.
-- plpgsql, not SQL: a SQL function in a generated column is not inlined, and its per-call set-up
-- made seeding a million devices ten times slower.
CREATE FUNCTION version_key(v text) RETURNS bigint
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  m text[] := regexp_match(v, '^(\d{1,6})\.(\d{1,6})\.(\d{1,6})(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$');
BEGIN
  IF m IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN (m[1]::bigint << 41) | (m[2]::bigint << 21) | (m[3]::bigint << 1)
         | (CASE WHEN m[4] IS NULL THEN 1 ELSE 0 END);
END
$$;

CREATE TABLE devices (
  id                 text PRIMARY KEY,
  hardware_model     text NOT NULL,
  region             text NOT NULL,
  tags               jsonb NOT NULL DEFAULT '{}',
  reported_version   text NOT NULL,
  -- NULL when the device reports garbage: such a device is UNSUPPORTED_VERSION
  version_key        bigint GENERATED ALWAYS AS (version_key(reported_version)) STORED,
  battery_percent    int,
  free_storage_bytes bigint,
  network_type       text,
  network_metered    boolean,
  network_quality    double precision,
  timezone           text,
  utc_offset_minutes int,
  last_seen_at       timestamptz,
  token_hash         text UNIQUE,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE signing_keys (
  key_id       text PRIMARY KEY,
  product_line text NOT NULL,
  public_key   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

CREATE TABLE releases (
  version            text PRIMARY KEY,
  version_key        bigint GENERATED ALWAYS AS (version_key(version)) STORED
                     CHECK (version_key IS NOT NULL),
  hardware_models    text[] NOT NULL,
  artifact_size      bigint NOT NULL,
  artifact_sha256    text NOT NULL,
  artifact_location  text NOT NULL,
  signature          text,
  key_id             text,
  -- the server API (an integer that grows) the release's devices need: compared with
  -- version_policy.server_api_version
  min_server_api     int NOT NULL DEFAULT 1,
  critical_migration boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE release_deltas (
  to_version   text NOT NULL REFERENCES releases (version) ON DELETE CASCADE,
  from_version text NOT NULL,
  size         bigint NOT NULL,
  sha256       text NOT NULL,
  location     text NOT NULL,
  PRIMARY KEY (to_version, from_version)
);

-- exactly one row
CREATE TABLE version_policy (
  id                    boolean PRIMARY KEY DEFAULT true CHECK (id),
  min_supported_version text NOT NULL DEFAULT '0.0.0' CHECK (version_key(min_supported_version) IS NOT NULL),
  server_api_version    int NOT NULL DEFAULT 1,
  -- critical-migration versions declared without (or before) registering their release
  critical_migrations   text[] NOT NULL DEFAULT '{}',
  updated_at            timestamptz NOT NULL DEFAULT now()
);
INSERT INTO version_policy DEFAULT VALUES;

CREATE TABLE plans (
  name       text PRIMARY KEY,
  text       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rollouts (
  id            text PRIMARY KEY,
  plan_name     text NOT NULL,
  plan          jsonb NOT NULL,
  release       text NOT NULL,
  state         text NOT NULL CHECK (state IN ('RUNNING', 'PAUSED', 'AWAITING_APPROVAL',
                  'ROLLING_BACK', 'COMPLETED', 'ROLLED_BACK', 'ABORTED', 'FAILED')),
  current_phase int NOT NULL DEFAULT -1,
  paused_reason text,
  paused_by     text,
  paused_at     timestamptz,
  requested_by  text,
  started_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);

-- the populations computed by prepare, so a wave never recounts a million rows
CREATE TABLE rollout_phases (
  rollout_id text NOT NULL,
  phase      int NOT NULL,
  name       text NOT NULL,
  population bigint NOT NULL,
  target     bigint NOT NULL,
  PRIMARY KEY (rollout_id, phase)
);

-- The target of a rollout, fixed at prepare time. phase_mask has bit i set when the device is in
-- phase i's cohort selector (a plan has at most 63 phases). reported_version is the device's
-- version then: a wave copies it as the assignment's previous_version without reading devices
-- (the device API refreshes it when the device starts the update).
CREATE TABLE rollout_population (
  rollout_id       text NOT NULL,
  device_id        text NOT NULL,
  rank             bigint NOT NULL,
  eligible         boolean NOT NULL,
  reason           text,
  phase_mask       bigint NOT NULL,
  reported_version text NOT NULL,
  PRIMARY KEY (rollout_id, device_id)
);
-- picking new devices in stable order is an index-only scan
CREATE INDEX rollout_population_pick ON rollout_population (rollout_id, rank)
  INCLUDE (device_id, phase_mask, reported_version) WHERE eligible;

CREATE TABLE assignments (
  rollout_id        text NOT NULL,
  device_id         text NOT NULL,
  phase             int NOT NULL,
  target_version    text NOT NULL,
  previous_version  text,
  outcome           text NOT NULL CHECK (outcome IN ('PENDING', 'DEFERRED', 'IN_PROGRESS',
                      'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'QUARANTINED', 'CANCELLED',
                      'ROLLED_BACK', 'MISSED', 'INELIGIBLE')),
  attempts          int NOT NULL DEFAULT 0,
  assigned_at       timestamptz NOT NULL,
  started_at        timestamptz,
  updated_at        timestamptz NOT NULL,
  finished_at       timestamptz,
  last_error_code   text,
  last_error_detail text,
  deferred_reason   text,
  healthy           boolean,
  download_ms       bigint,
  install_ms        bigint,
  rollback_state    text CHECK (rollback_state IN ('OFFERED', 'DONE', 'FAILED')),
  missed_reason     text,
  PRIMARY KEY (rollout_id, device_id)
);
-- one phase's rows (rollback offers, p90, tickets); gate counts come from assignment_counts (V2)
CREATE INDEX assignments_phase_outcome ON assignments (rollout_id, phase, outcome) INCLUDE (healthy);
-- the device check-in: what does this device have to do?
CREATE INDEX assignments_device_active ON assignments (device_id)
  WHERE outcome IN ('PENDING', 'DEFERRED', 'IN_PROGRESS', 'FAILED') OR rollback_state = 'OFFERED';
-- housekeeping touches only the few rows it changes
CREATE INDEX assignments_in_progress ON assignments (rollout_id, updated_at)
  WHERE outcome = 'IN_PROGRESS';
CREATE INDEX assignments_retries ON assignments (rollout_id, attempts)
  WHERE outcome IN ('FAILED', 'TIMED_OUT');

CREATE TABLE device_events (
  event_id   text PRIMARY KEY,
  device_id  text NOT NULL,
  rollout_id text,
  type       text NOT NULL,
  at         timestamptz NOT NULL,
  payload    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX device_events_device ON device_events (device_id, at);

CREATE TABLE support_tickets (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id text NOT NULL,
  opened_at timestamptz NOT NULL,
  subject   text NOT NULL DEFAULT ''
);
CREATE INDEX support_tickets_device ON support_tickets (device_id, opened_at);

CREATE TABLE support_queue (
  rollout_id  text NOT NULL,
  device_id   text NOT NULL,
  reason      text NOT NULL,
  error_code  text,
  entered_at  timestamptz NOT NULL,
  released_at timestamptz,
  PRIMARY KEY (rollout_id, device_id)
);

CREATE TABLE audit (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rollout_id text NOT NULL,
  at         timestamptz NOT NULL,
  event      text NOT NULL,
  actor      text,
  detail     text
);
-- a retried activity appends nothing twice
CREATE UNIQUE INDEX audit_once ON audit (rollout_id, at, event);
