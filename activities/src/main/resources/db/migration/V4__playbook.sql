-- The support playbook (issue 5): what an error code reported by devices most likely means and what
-- an operator does next. Editable through PUT /mgmt/v1/playbook/{code}; DEFAULT answers for codes
-- without an entry of their own.
CREATE TABLE playbook (
  error_code text PRIMARY KEY CHECK (error_code ~ '^[A-Z][A-Z0-9_]{0,63}$'),
  cause      text NOT NULL,
  next_steps text NOT NULL,
  retryable  boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

INSERT INTO playbook (error_code, cause, next_steps, retryable) VALUES
  ('SIGNATURE_INVALID',
   'The manifest signature does not verify with the key the device trusts: a tampered or re-signed manifest.',
   'Do not retry. Check the release was signed with the product line''s key (rollout keys list); re-sign and re-register; if the manifest was altered in transit, investigate the distribution path.',
   false),
  ('UNKNOWN_KEY',
   'The manifest is signed with a key id the device does not trust (a rotated or new key not yet shipped).',
   'Ship the new key id in the trusted list with an earlier release, or sign with a key the fleet trusts; then release the device from quarantine.',
   false),
  ('WRONG_PRODUCT_KEY',
   'The release is signed with another product line''s key.',
   'Re-sign the release with this product line''s key and register it again; never share keys between product lines.',
   false),
  ('UNSIGNED',
   'The offered manifest carries no signature.',
   'Register only signed releases (rollout release sign, then rollout release register).',
   false),
  ('HASH_MISMATCH',
   'The downloaded bytes do not match the manifest''s sha256: a corrupt download or a wrong artifact.',
   'Retry once (downloads resume); if several devices report it, compare the stored artifact with the build output and re-register.',
   true),
  ('DOWNLOAD_FAILED',
   'The download did not complete: poor or lost network, or the artifact URL is unreachable.',
   'Retry: the device resumes the download. If it persists for a region, check the artifact server and network quality.',
   true),
  ('DELTA_FAILED',
   'The delta package could not be applied; the device falls back to the full package.',
   'Usually nothing: the full package follows. If frequent, regenerate the delta against the exact base image.',
   true),
  ('INSTALL_FAILED',
   'Writing the image to the inactive slot failed: low storage or flash wear.',
   'Retry once; check free storage. Repeated failures on one device point to hardware: replace or service it.',
   true),
  ('BOOT_FAILED',
   'The new image did not boot and the device fell back to its previous slot (boot loop).',
   'Do not retry. Pause the rollout, check the failure rate per hardware model; roll back if it is more than this device.',
   false),
  ('HEALTH_CHECK_FAILED',
   'The device booted the new version but its post-update health check failed.',
   'Look at the device''s health report; pause the rollout if other devices of the cohort report it too; roll back affected devices.',
   false),
  ('SILENT_FALLBACK',
   'After the install the device came back on its old version without reporting an error.',
   'Treat as a boot failure: check the bootloader and slot switch on that hardware model; do not retry blindly.',
   false),
  ('TIMEOUT',
   'The device started the update and then went silent for longer than the plan''s inProgressTimeout.',
   'Retry when the device is back online; if many devices time out, check connectivity and the timeout value.',
   true),
  ('INCOMPATIBLE_HARDWARE',
   'The release does not support the device''s hardware model.',
   'Do not retry. Target the device with a release built for its model, or fix the device''s registered hardware model.',
   false),
  ('DEFAULT',
   'An error code without a playbook entry.',
   'Read the device''s last error detail; add a playbook entry for the code (PUT /mgmt/v1/playbook/{code}).',
   false);

-- A device released from quarantine keeps its row (released_at set) as history; if it is
-- quarantined again it must re-enter the queue, so only an open entry is unique. Housekeeping's
-- INSERT ... ON CONFLICT DO NOTHING (no conflict target) uses this index as its arbiter.
ALTER TABLE support_queue DROP CONSTRAINT support_queue_pkey;
CREATE UNIQUE INDEX support_queue_open ON support_queue (rollout_id, device_id)
  WHERE released_at IS NULL;
CREATE INDEX support_queue_entered ON support_queue (entered_at) WHERE released_at IS NULL;
