-- Owned by ingest: page_views is partitioned by month, so a retention drops whole months cheaply and
-- time-range reads (replays) touch only their months. Unique keys must include the partition column.
ALTER TABLE page_views
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (id, ts),
    DROP INDEX uq_page_views_event,
    ADD UNIQUE KEY uq_page_views_event (event_id, ts);

ALTER TABLE page_views
    PARTITION BY RANGE COLUMNS (ts) (
        PARTITION p_before VALUES LESS THAN ('2026-01-01'),
        PARTITION p_future VALUES LESS THAN (MAXVALUE)
    );
