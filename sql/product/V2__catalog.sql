-- Products: an SPU (what shoppers browse) with its SKUs (what they buy: one combination of spec values).
CREATE TABLE spu (
    id           BIGINT        NOT NULL PRIMARY KEY,
    category_id  BIGINT        NOT NULL,
    name         VARCHAR(128)  NOT NULL,
    subtitle     VARCHAR(256)  NULL,
    description  TEXT          NULL,
    main_image   VARCHAR(512)  NOT NULL,
    images       TEXT          NOT NULL COMMENT 'JSON array of URLs',
    tags         VARCHAR(512)  NOT NULL DEFAULT '' COMMENT 'comma-separated',
    status       VARCHAR(16)   NOT NULL COMMENT 'OFF_SHELF, ON_SHELF',
    launch_at    DATETIME(3)   NULL COMMENT 'coming soon until then: visible, not buyable',
    on_sale_since DATETIME(3)  NULL COMMENT 'first time it was buyable; new-arrival flag counts from here',
    min_price    BIGINT        NOT NULL COMMENT 'fen, lowest SKU price, for sorting',
    sales        BIGINT        NOT NULL DEFAULT 0 COMMENT 'units sold, from order events',
    version      INT           NOT NULL DEFAULT 0,
    created_at   DATETIME(3)   NOT NULL,
    updated_at   DATETIME(3)   NOT NULL,
    KEY idx_spu_category (category_id, status),
    KEY idx_spu_status_sales (status, sales),
    KEY idx_spu_status_price (status, min_price),
    KEY idx_spu_status_new (status, on_sale_since)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE sku (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    spu_id              BIGINT       NOT NULL,
    specs               VARCHAR(512) NOT NULL COMMENT 'JSON object, e.g. {"颜色":"红","尺码":"M"}',
    spec_key            VARCHAR(512) NOT NULL COMMENT 'specs normalised, unique within the SPU',
    price               BIGINT       NOT NULL COMMENT 'fen',
    original_price      BIGINT       NOT NULL COMMENT 'fen, >= price',
    barcode             VARCHAR(64)  NULL,
    weight_grams        INT          NULL,
    low_stock_threshold INT          NOT NULL DEFAULT 0,
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_sku_spec (spu_id, spec_key(191)),
    KEY idx_sku_spu (spu_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Members who asked to be told when a SKU gets cheaper.
CREATE TABLE price_alert (
    member_id  BIGINT      NOT NULL,
    sku_id     BIGINT      NOT NULL,
    spu_id     BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, sku_id),
    KEY idx_price_alert_sku (sku_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
