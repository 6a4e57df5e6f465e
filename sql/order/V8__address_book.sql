-- A shopper's address book (/api/addresses). Checkout takes an addressId and keeps a snapshot on the order, so an
-- address can be edited or deleted without touching the orders that used it.
CREATE TABLE member_address (
    id          BIGINT       NOT NULL PRIMARY KEY,
    member_id   BIGINT       NOT NULL,
    name        VARCHAR(32)  NOT NULL,
    phone       VARCHAR(20)  NOT NULL,
    region_code CHAR(6)      NOT NULL COMMENT 'national administrative division code of the county (GB/T 2260)',
    province    VARCHAR(32)  NOT NULL,
    city        VARCHAR(32)  NOT NULL,
    district    VARCHAR(32)  NOT NULL DEFAULT '',
    detail      VARCHAR(256) NOT NULL,
    is_default  TINYINT(1)   NOT NULL DEFAULT 0,
    -- the member's id on their default address only: the unique key allows one default per member
    default_of  BIGINT GENERATED ALWAYS AS (IF(is_default = 1, member_id, NULL)) STORED,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_member_address_default (default_of),
    KEY idx_member_address_member (member_id, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per member who ever saved an address: how many they hold. Every change to a member's book first updates
-- this row, so changes to one book run one at a time and the count can never pass the limit.
CREATE TABLE address_book (
    member_id     BIGINT      NOT NULL PRIMARY KEY,
    address_count INT         NOT NULL,
    updated_at    DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
