-- Sales counted from OrderPaid and OrderRefunded events (each event once per consumer).
CREATE TABLE daily_sales (
    day         DATE    NOT NULL COMMENT 'Asia/Shanghai business day',
    sku_id      BIGINT  NOT NULL,
    spu_id      BIGINT  NOT NULL,
    category_id BIGINT  NOT NULL,
    units       INT     NOT NULL,
    gmv         BIGINT  NOT NULL COMMENT 'fen',
    PRIMARY KEY (day, sku_id),
    KEY idx_daily_sales_spu (spu_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE member_sales (
    member_id    BIGINT      NOT NULL PRIMARY KEY,
    paid_orders  INT         NOT NULL,
    units        INT         NOT NULL,
    gmv          BIGINT      NOT NULL COMMENT 'fen',
    last_paid_at DATETIME(3) NULL,
    KEY idx_member_sales_gmv (gmv)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
