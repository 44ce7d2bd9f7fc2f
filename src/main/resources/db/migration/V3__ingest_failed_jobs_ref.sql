-- Owned by ingest: what a failed job refers to (an event id), so the same failure is recorded once.
ALTER TABLE failed_jobs
    ADD COLUMN ref VARCHAR(64) NULL AFTER source,
    ADD UNIQUE KEY uq_failed_jobs_ref (source, ref);
