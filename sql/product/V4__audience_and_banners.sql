-- What product-service knows of each member, kept from member and order events (never by calling member-service):
-- enough to decide which banners a member may see.
CREATE TABLE member_fact (
    member_id     BIGINT       NOT NULL PRIMARY KEY,
    registered_at DATETIME(3)  NULL,
    first_paid_at DATETIME(3)  NULL,
    level_code    VARCHAR(32)  NULL,
    level_rank    INT          NOT NULL DEFAULT 0,
    tags          VARCHAR(512) NOT NULL DEFAULT '',
    updated_at    DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Banners in ad positions (HOME_TOP, HOME_GRID, CATEGORY_TOP, ...), each for an audience and a time window.
CREATE TABLE banner (
    id              BIGINT       NOT NULL PRIMARY KEY,
    position        VARCHAR(32)  NOT NULL,
    title           VARCHAR(64)  NOT NULL,
    image_url       VARCHAR(512) NOT NULL,
    link_type       VARCHAR(16)  NOT NULL COMMENT 'PRODUCT, CATEGORY, ACTIVITY, PAGE',
    link_target     VARCHAR(256) NOT NULL,
    starts_at       DATETIME(3)  NOT NULL,
    ends_at         DATETIME(3)  NOT NULL,
    sort_order      INT          NOT NULL DEFAULT 0,
    audience        VARCHAR(32)  NOT NULL COMMENT 'ALL, NEW_MEMBER, FIRST_PURCHASE_ELIGIBLE, LEVEL_AT_LEAST, SEGMENT',
    new_member_days INT          NULL,
    min_level_rank  INT          NULL,
    segment_tag     VARCHAR(32)  NULL,
    status          VARCHAR(16)  NOT NULL COMMENT 'ACTIVE, DISABLED',
    created_by      BIGINT       NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    KEY idx_banner_position (position, status, ends_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
