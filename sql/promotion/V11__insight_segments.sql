-- Members of insight-service's segments, kept from SegmentMembershipChanged, so a coupon template can take a segment as
-- its audience without promotion-service asking insight-service anything. A member who left stays as a row with
-- present = 0 and that change's version, so an older announcement arriving late cannot put them back.
CREATE TABLE member_insight_segment (
    segment_id BIGINT     NOT NULL,
    member_id  BIGINT     NOT NULL,
    present    TINYINT(1) NOT NULL,
    version    BIGINT     NOT NULL COMMENT 'the computation that last changed this row (insight: epoch ms, increasing per segment)',
    PRIMARY KEY (segment_id, member_id),
    KEY idx_member_insight_segment_member (member_id, present)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE coupon_template
    MODIFY COLUMN audience VARCHAR(24) NOT NULL DEFAULT 'ALL'
        COMMENT 'ALL, NEW_MEMBER, FIRST_PURCHASE_ELIGIBLE, LEVEL_AT_LEAST, SEGMENT (a tag), INSIGHT_SEGMENT (a segment id)';
