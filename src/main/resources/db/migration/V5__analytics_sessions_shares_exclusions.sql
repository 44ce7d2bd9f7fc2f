-- Owned by the analytics module: a session version per user (bumped to end every session, e.g. on a
-- password change), and per site a public share token and the IP ranges whose hits are dropped.
ALTER TABLE users ADD COLUMN session_version INT NOT NULL DEFAULT 0;

ALTER TABLE sites
    ADD COLUMN share_token  VARCHAR(64)   NULL COMMENT 'unguessable; the read-only share link while set',
    ADD COLUMN excluded_ips VARCHAR(2000) NOT NULL DEFAULT '' COMMENT 'comma-separated IPs and CIDR ranges',
    ADD UNIQUE KEY uq_sites_share_token (share_token);
