-- Members of insight-service's segments, kept from SegmentMembershipChanged: merchants push subscription messages to
-- a segment without member-service asking insight-service anything. A member who left stays as a row with present = 0
-- and the version of that change, so an older announcement arriving late cannot put them back.
CREATE TABLE member_segment (
    segment_id BIGINT     NOT NULL,
    member_id  BIGINT     NOT NULL,
    present    TINYINT(1) NOT NULL,
    version    BIGINT     NOT NULL COMMENT 'the computation that last changed this row (insight: epoch ms, increasing per segment)',
    PRIMARY KEY (segment_id, member_id),
    KEY idx_member_segment_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
