-- Owned by the ingest module: the raw page views (source of truth) and hits that could not be stored.
CREATE TABLE page_views (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    event_id    BINARY(16)    NOT NULL,
    site        VARCHAR(253)  NOT NULL,
    ts          DATETIME(3)   NOT NULL COMMENT 'UTC',
    name        VARCHAR(120)  NOT NULL,
    path        VARCHAR(2000) NOT NULL,
    visitor     BIGINT        NOT NULL,
    referrer    VARCHAR(253)  NULL,
    browser     VARCHAR(64)   NULL,
    os          VARCHAR(64)   NULL,
    device      VARCHAR(16)   NULL,
    utm_source   VARCHAR(255) NULL,
    utm_medium   VARCHAR(255) NULL,
    utm_campaign VARCHAR(255) NULL,
    utm_content  VARCHAR(255) NULL,
    utm_term     VARCHAR(255) NULL,
    props       TEXT          NULL COMMENT 'JSON object of custom properties',
    PRIMARY KEY (id),
    UNIQUE KEY uq_page_views_event (event_id),
    KEY ix_page_views_site_ts (site, ts)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE failed_jobs (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    source    VARCHAR(32)  NOT NULL COMMENT 'which worker set it aside',
    payload   MEDIUMTEXT   NOT NULL,
    error     TEXT         NOT NULL,
    attempts  INT          NOT NULL,
    failed_at DATETIME(3)  NOT NULL COMMENT 'UTC',
    PRIMARY KEY (id),
    KEY ix_failed_jobs_failed_at (failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
