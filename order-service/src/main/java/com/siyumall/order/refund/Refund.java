package com.siyumall.order.refund;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.Instant;

/**
 * A refund of an order: REQUESTED (waiting for the merchant, the goods were shipped) → PROCESSING (at WeChat Pay) →
 * SUCCESS, or REJECTED / FAILED. Its money is booked on the order once, when WeChat Pay reports SUCCESS.
 */
@TableName("refund")
public class Refund {
    public enum Status { REQUESTED, PROCESSING, SUCCESS, REJECTED, FAILED }

    @TableId(type = IdType.INPUT)
    private String refundNo;
    private String orderNo;
    private Long memberId;
    private Long amount;
    private String reason;
    private Status status;
    private String refundId;
    private String refundLines;
    private Boolean restock;
    private Long decidedBy;
    private Instant decidedAt;
    private String rejectReason;
    private Instant createdAt;
    private Instant updatedAt;

    public String getRefundNo() { return refundNo; }
    public void setRefundNo(String refundNo) { this.refundNo = refundNo; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getAmount() { return amount; }
    public void setAmount(Long amount) { this.amount = amount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getRefundId() { return refundId; }
    public void setRefundId(String refundId) { this.refundId = refundId; }
    public String getRefundLines() { return refundLines; }
    public void setRefundLines(String refundLines) { this.refundLines = refundLines; }
    public Boolean getRestock() { return restock; }
    public void setRestock(Boolean restock) { this.restock = restock; }
    public Long getDecidedBy() { return decidedBy; }
    public void setDecidedBy(Long decidedBy) { this.decidedBy = decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String rejectReason) { this.rejectReason = rejectReason; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
