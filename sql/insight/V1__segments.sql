-- Segments: report slices a merchant saved (an RFM segment, a lifecycle stage, viewers of a product who did not buy it,
-- a guide's customers). Their members are computed from the analytical store and kept here, so that each refresh
-- announces only who joined and who left (SegmentMembershipChanged) to the services that use segments as audiences.
CREATE TABLE segment (
    id          BIGINT        NOT NULL PRIMARY KEY,
    name        VARCHAR(64)   NOT NULL,
    kind        VARCHAR(32)   NOT NULL COMMENT 'RFM, LIFECYCLE, VIEWED_NOT_BOUGHT, GUIDE_CUSTOMERS',
    params      VARCHAR(1000) NOT NULL COMMENT 'JSON, by kind',
    members     INT           NOT NULL DEFAULT 0,
    computed_at DATETIME(3)   NULL,
    deleted     TINYINT(1)    NOT NULL DEFAULT 0,
    created_by  BIGINT        NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    updated_at  DATETIME(3)   NOT NULL,
    KEY idx_segment_live (deleted, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE segment_member (
    segment_id BIGINT NOT NULL,
    member_id  BIGINT NOT NULL,
    PRIMARY KEY (segment_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
