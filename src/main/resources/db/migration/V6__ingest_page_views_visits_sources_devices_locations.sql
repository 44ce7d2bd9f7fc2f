-- Owned by ingest: what the dashboard's sources, devices, locations and visits are computed from.
-- The hit's own attributes, and its place in its visit as ingest assigned it (ingest/visit.lua), so a
-- rebuild from these rows replays exactly the same visits. The visit_* attributes are those of the
-- visit's first hit (Plausible attributes a visit's source and campaign to its first event).
ALTER TABLE page_views
    ADD COLUMN interactive      BOOLEAN       NOT NULL DEFAULT TRUE COMMENT 'false: the tracker sent i:false',
    ADD COLUMN source           VARCHAR(255)  NULL COMMENT 'named source of this hit (Google, Twitter, a host)',
    ADD COLUMN referrer_url     VARCHAR(500)  NULL COMMENT 'host and path of the referrer, no query',
    ADD COLUMN channel          VARCHAR(32)   NULL,
    ADD COLUMN browser_version  VARCHAR(32)   NULL,
    ADD COLUMN os_version       VARCHAR(32)   NULL,
    ADD COLUMN country          CHAR(2)       NULL COMMENT 'ISO 3166-1 alpha-2, from the client IP (never stored)',
    ADD COLUMN region           VARCHAR(16)   NULL COMMENT 'ISO 3166-2',
    ADD COLUMN city             VARCHAR(120)  NULL,
    ADD COLUMN visit_id         BINARY(16)    NULL COMMENT 'event id of the visit''s first hit; NULL: in no visit',
    ADD COLUMN visit_start      DATETIME(3)   NULL COMMENT 'UTC',
    ADD COLUMN visit_flags      TINYINT UNSIGNED NOT NULL DEFAULT 0
        COMMENT '1 starts the visit, 2 starts it as a bounce, 4 entry page view, 8 ends its bounce, 16 entry bounce',
    ADD COLUMN visit_added_ms   INT UNSIGNED  NOT NULL DEFAULT 0 COMMENT 'how much this hit lengthened its visit',
    ADD COLUMN exit_from        VARCHAR(2000) NULL COMMENT 'the page this page view took the visit''s exit from',
    ADD COLUMN visit_entry      VARCHAR(2000) NULL,
    ADD COLUMN visit_source     VARCHAR(255)  NULL,
    ADD COLUMN visit_referrer   VARCHAR(500)  NULL,
    ADD COLUMN visit_channel    VARCHAR(32)   NULL,
    ADD COLUMN visit_utm_source   VARCHAR(255) NULL,
    ADD COLUMN visit_utm_medium   VARCHAR(255) NULL,
    ADD COLUMN visit_utm_campaign VARCHAR(255) NULL,
    ADD COLUMN visit_utm_content  VARCHAR(255) NULL,
    ADD COLUMN visit_utm_term     VARCHAR(255) NULL;
