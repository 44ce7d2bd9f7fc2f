-- Owned by the analytics module: people, their API keys and their sites.
CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(100) NOT NULL COMMENT 'bcrypt',
    admin         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_users_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE api_keys (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    prefix     VARCHAR(12)  NOT NULL COMMENT 'first characters, shown to the owner',
    key_hash   CHAR(64)     NOT NULL COMMENT 'SHA-256 of the whole key, hex',
    created_at DATETIME(3)  NOT NULL,
    revoked_at DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_api_keys_hash (key_hash),
    CONSTRAINT fk_api_keys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sites (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    domain     VARCHAR(253) NOT NULL,
    timezone   VARCHAR(64)  NOT NULL,
    owner_id   BIGINT       NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_sites_domain (domain),
    CONSTRAINT fk_sites_owner FOREIGN KEY (owner_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
