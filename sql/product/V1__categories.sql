-- The category tree (up to three levels) shoppers browse by.
CREATE TABLE category (
    id          BIGINT       NOT NULL PRIMARY KEY,
    parent_id   BIGINT       NULL,
    name        VARCHAR(64)  NOT NULL,
    icon_url    VARCHAR(512) NULL,
    level       TINYINT      NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    KEY idx_category_parent (parent_id, sort_order)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
