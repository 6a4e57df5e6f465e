-- Members and where they came from, their WeChat identities, and every login (for retention and touch analysis).
CREATE TABLE member (
    id                BIGINT       NOT NULL PRIMARY KEY,
    unionid           VARCHAR(64)  NULL COMMENT 'one member across the brand''s mini-programs',
    nickname          VARCHAR(64)  NULL,
    avatar_url        VARCHAR(512) NULL,
    gender            VARCHAR(8)   NOT NULL DEFAULT 'UNKNOWN',
    birthday          DATE         NULL,
    phone             VARCHAR(20)  NULL,
    phone_bound_at    DATETIME(3)  NULL,
    level_code        VARCHAR(32)  NOT NULL DEFAULT 'V0',
    growth_value      BIGINT       NOT NULL DEFAULT 0,
    source_app_id     VARCHAR(32)  NOT NULL COMMENT 'first touch, kept for good',
    source_scene      INT          NULL,
    source_channel    VARCHAR(64)  NULL,
    source_inviter_id BIGINT       NULL,
    source_store_id   BIGINT       NULL,
    source_guide_id   BIGINT       NULL,
    last_scene        INT          NULL COMMENT 'latest touch',
    last_channel      VARCHAR(64)  NULL,
    last_store_id     BIGINT       NULL,
    last_guide_id     BIGINT       NULL,
    last_login_at     DATETIME(3)  NOT NULL,
    registered_at     DATETIME(3)  NOT NULL,
    first_paid_at     DATETIME(3)  NULL,
    paid_order_count  INT          NOT NULL DEFAULT 0,
    paid_amount       BIGINT       NOT NULL DEFAULT 0 COMMENT 'fen',
    last_paid_at      DATETIME(3)  NULL,
    version           INT          NOT NULL DEFAULT 0,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_member_unionid (unionid),
    UNIQUE KEY uk_member_phone (phone),
    KEY idx_member_registered (registered_at),
    KEY idx_member_source_channel (source_channel, registered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- An openid in one of the brand's mini-programs; many may point at one member (same unionid).
CREATE TABLE member_wechat_identity (
    app_id     VARCHAR(32) NOT NULL,
    openid     VARCHAR(64) NOT NULL,
    unionid    VARCHAR(64) NULL,
    member_id  BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (app_id, openid),
    KEY idx_identity_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE member_login (
    id         BIGINT      NOT NULL PRIMARY KEY,
    member_id  BIGINT      NOT NULL,
    app_id     VARCHAR(32) NOT NULL,
    scene      INT         NULL,
    channel    VARCHAR(64) NULL,
    inviter_id BIGINT      NULL,
    store_id   BIGINT      NULL,
    guide_id   BIGINT      NULL,
    new_member TINYINT(1)  NOT NULL,
    logged_at  DATETIME(3) NOT NULL,
    KEY idx_login_member (member_id, logged_at),
    KEY idx_login_time (logged_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Opaque refresh tokens, stored as SHA-256; a family is one login's chain of rotations.
CREATE TABLE refresh_token (
    id           BIGINT      NOT NULL PRIMARY KEY,
    token_hash   CHAR(64)    NOT NULL,
    family_id    BIGINT      NOT NULL,
    subject_role VARCHAR(24) NOT NULL,
    subject_id   BIGINT      NOT NULL,
    status       VARCHAR(16) NOT NULL COMMENT 'ACTIVE, ROTATED, REVOKED',
    expires_at   DATETIME(3) NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    UNIQUE KEY uk_refresh_token_hash (token_hash),
    KEY idx_refresh_family (family_id, status),
    KEY idx_refresh_subject (subject_role, subject_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Brand headquarters accounts of the merchant console.
CREATE TABLE merchant_account (
    id              BIGINT       NOT NULL PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    display_name    VARCHAR(64)  NOT NULL,
    role            VARCHAR(24)  NOT NULL COMMENT 'MERCHANT, MERCHANT_OPERATOR',
    status          VARCHAR(16)  NOT NULL COMMENT 'ACTIVE, DISABLED',
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(3)  NULL,
    last_login_at   DATETIME(3)  NULL,
    created_by      BIGINT       NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_merchant_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE store (
    id         BIGINT        NOT NULL PRIMARY KEY,
    name       VARCHAR(64)   NOT NULL,
    address    VARCHAR(256)  NOT NULL,
    latitude   DECIMAL(9, 6) NOT NULL,
    longitude  DECIMAL(9, 6) NOT NULL,
    opens_at   TIME          NOT NULL,
    closes_at  TIME          NOT NULL,
    phone      VARCHAR(20)   NULL,
    status     VARCHAR(16)   NOT NULL COMMENT 'OPEN, CLOSED',
    created_at DATETIME(3)   NOT NULL,
    updated_at DATETIME(3)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Store guides (导购): staff accounts of one store.
CREATE TABLE guide (
    id              BIGINT       NOT NULL PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(100) NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    phone           VARCHAR(20)  NULL,
    store_id        BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL COMMENT 'ACTIVE, DISABLED',
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(3)  NULL,
    last_login_at   DATETIME(3)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_guide_username (username),
    KEY idx_guide_store (store_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which guide owns a member; one row per member, so a member never has two guides.
CREATE TABLE guide_binding (
    member_id       BIGINT      NOT NULL PRIMARY KEY,
    guide_id        BIGINT      NOT NULL,
    store_id        BIGINT      NOT NULL,
    source          VARCHAR(16) NOT NULL COMMENT 'QR_SCAN, SERVED, HANDOVER',
    bound_at        DATETIME(3) NOT NULL COMMENT 'protected from takeover until bound_at + the policy''s protection days',
    created_at      DATETIME(3) NOT NULL,
    updated_at      DATETIME(3) NOT NULL,
    KEY idx_binding_guide (guide_id, bound_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Audit trail of every binding change.
CREATE TABLE guide_binding_log (
    id            BIGINT      NOT NULL PRIMARY KEY,
    member_id     BIGINT      NOT NULL,
    from_guide_id BIGINT      NULL,
    to_guide_id   BIGINT      NOT NULL,
    source        VARCHAR(16) NOT NULL,
    operator_id   BIGINT      NULL COMMENT 'merchant account of a handover',
    changed_at    DATETIME(3) NOT NULL,
    KEY idx_binding_log_member (member_id, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_binding_policy (
    id              TINYINT     NOT NULL PRIMARY KEY,
    protection_days INT         NOT NULL,
    updated_by      BIGINT      NULL,
    updated_at      DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO guide_binding_policy (id, protection_days, updated_at) VALUES (1, 90, CURRENT_TIMESTAMP(3));
