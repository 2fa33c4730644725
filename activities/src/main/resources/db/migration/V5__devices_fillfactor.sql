-- Every check-in rewrites its device's row (reported state, last seen). With room left on each page
-- the new row version stays on the same page and no index is touched (a HOT update: none of the
-- columns a check-in writes is indexed); a full page moves the row and updates both indexes.
-- Applies to pages written from now on; `VACUUM FULL devices` repacks an existing fleet.
ALTER TABLE devices SET (fillfactor = 80);
