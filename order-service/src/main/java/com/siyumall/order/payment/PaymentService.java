package com.siyumall.order.payment;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.github.binarywang.wxpay.bean.notify.SignatureHeader;
import com.github.binarywang.wxpay.bean.notify.WxPayNotifyV3Result;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayOrderQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result;
import com.github.binarywang.wxpay.bean.result.enums.TradeTypeEnum;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import com.siyumall.common.error.BusinessException;
import com.siyumall.order.clients.MemberClient;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderLine;
import com.siyumall.order.order.OrderStatus;
import com.siyumall.order.refund.RefundService;
import com.github.binarywang.wxpay.bean.notify.WxPayRefundNotifyV3Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * WeChat Pay: prepay for the mini-program, and notifications trusted only when WeChat Pay's signature verifies, the
 * timestamp is fresh, the merchant and app are ours and the amount is the order's. Whatever is rejected changes nothing
 * and is written to payment_notification and the security log.
 */
@Service
public class PaymentService {
    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final Logger security = LoggerFactory.getLogger("SECURITY");
    static final Duration MAX_NOTIFICATION_AGE = Duration.ofMinutes(5);

    private final WxPayService wechat;
    private final WechatPayProperties properties;
    private final OrderLifecycle orders;
    private final MemberClient members;
    private final PaymentMapper payments;
    private final RefundService refunds;
    private final Environment environment;
    private final Clock clock;

    PaymentService(WxPayService wechat, WechatPayProperties properties, OrderLifecycle orders, MemberClient members,
                   PaymentMapper payments, RefundService refunds, Environment environment, Clock clock) {
        this.wechat = wechat;
        this.properties = properties;
        this.orders = orders;
        this.members = members;
        this.payments = payments;
        this.refunds = refunds;
        this.environment = environment;
        this.clock = clock;
    }

    /** What the mini-program passes to wx.requestPayment. */
    public record PayParams(String appId, String timeStamp, String nonceStr, String packageValue, String signType, String paySign) {}

    public PayParams pay(long memberId, String orderNo) {
        Order order = orders.ownedBy(memberId, orderNo);
        if (order.getStatus() != OrderStatus.UNPAID || !order.getExpiresAt().isAfter(clock.instant())) {
            throw new BusinessException(PaymentError.ORDER_NOT_PAYABLE, orderNo, order.getStatus().name());
        }
        List<OrderLine> lines = orders.linesOf(orderNo);
        WxPayUnifiedOrderV3Request request = new WxPayUnifiedOrderV3Request();
        request.setOutTradeNo(orderNo);
        request.setDescription(description(lines));
        request.setAmount(new WxPayUnifiedOrderV3Request.Amount().setTotal(Math.toIntExact(order.getPayAmount())));
        request.setPayer(new WxPayUnifiedOrderV3Request.Payer().setOpenid(members.openid(memberId)));
        request.setNotifyUrl(notifyUrl());
        request.setTimeExpire(OffsetDateTime.ofInstant(order.getExpiresAt(), java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        try {
            WxPayUnifiedOrderV3Result.JsapiResult jsapi = wechat.createOrderV3(TradeTypeEnum.JSAPI, request);
            orders.recordPrepay(orderNo, jsapi.getPackageValue().substring("prepay_id=".length()));
            return new PayParams(jsapi.getAppId(), jsapi.getTimeStamp(), jsapi.getNonceStr(), jsapi.getPackageValue(),
                    jsapi.getSignType(), jsapi.getPaySign());
        } catch (WxPayException e) {
            log.warn("Prepay of order {} failed: {} {}", orderNo, e.getErrCode(), e.getErrCodeDes());
            throw new BusinessException(PaymentError.PAYMENT_UNAVAILABLE, e.getErrCode());
        }
    }

    private static String description(List<OrderLine> lines) {
        String first = lines.isEmpty() ? "SiyuMall order" : lines.get(0).getName();
        String text = lines.size() > 1 ? first + " 等" + lines.size() + "件" : first;
        return text.length() > 120 ? text.substring(0, 120) : text;
    }

    private String notifyUrl() {
        String configured = properties.getPay().getNotifyUrl();
        if (!configured.isBlank()) {
            return configured;
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8082") + "/api/payments/wechat/notify";
    }

    /** The headers WeChat Pay signs a notification with. */
    public record NotificationHeaders(String timestamp, String nonce, String signature, String serial) {}

    public enum Outcome { PAID, DUPLICATE, REFUNDED_LATE }

    /** Handles a payment notification; throws (4xx, nothing changed) for anything that does not check out. */
    public Outcome onNotification(String body, NotificationHeaders headers) {
        Instant now = clock.instant();
        requireFresh(headers, now);
        WxPayNotifyV3Result.DecryptNotifyResult result;
        try {
            result = wechat.parseOrderNotifyV3Result(body, signatureOf(headers)).getResult();
        } catch (WxPayException | RuntimeException e) {
            throw reject("REJECTED_SIGNATURE", null, null, null, e.getClass().getSimpleName());
        }
        String orderNo = result.getOutTradeNo();
        String transactionId = result.getTransactionId();
        Long amount = result.getAmount() == null || result.getAmount().getTotal() == null ? null : result.getAmount().getTotal().longValue();
        if (!properties.getAppId().equals(result.getAppid()) || !properties.getPay().getMchId().equals(result.getMchid())) {
            throw mismatch("REJECTED_MERCHANT", transactionId, orderNo, amount, result.getAppid() + "/" + result.getMchid());
        }
        if (!"SUCCESS".equals(result.getTradeState())) {
            throw mismatch("REJECTED_STATE", transactionId, orderNo, amount, result.getTradeState());
        }
        Order order;
        try {
            order = orders.get(orderNo);
        } catch (BusinessException e) {
            throw mismatch("REJECTED_UNKNOWN_ORDER", transactionId, orderNo, amount, "no such order");
        }
        if (amount == null || !order.isPaidInFullBy(amount)) {
            throw mismatch("REJECTED_AMOUNT", transactionId, orderNo, amount, "order costs " + order.getPayAmount());
        }
        Outcome outcome = settle(order, transactionId, parseTime(result.getSuccessTime(), now));
        payments.logNotification(IdWorker.getId(), transactionId, orderNo, amount, outcome.name(), null, now);
        return outcome;
    }

    /** A refund notification, checked like a payment notification; its result is booked by the refund. */
    public void onRefundNotification(String body, NotificationHeaders headers) {
        Instant now = clock.instant();
        requireFresh(headers, now);
        WxPayRefundNotifyV3Result.DecryptNotifyResult result;
        try {
            result = wechat.parseRefundNotifyV3Result(body, signatureOf(headers)).getResult();
        } catch (WxPayException | RuntimeException e) {
            throw reject("REJECTED_SIGNATURE", null, null, null, "refund: " + e.getClass().getSimpleName());
        }
        if (!properties.getPay().getMchId().equals(result.getMchid())) {
            throw mismatch("REJECTED_MERCHANT", result.getRefundId(), result.getOutTradeNo(), null, "refund for " + result.getMchid());
        }
        refunds.onResult(result.getOutRefundNo(), result.getRefundStatus());
    }

    private void requireFresh(NotificationHeaders headers, Instant now) {
        if (headers.timestamp() == null || !headers.timestamp().matches("\\d{1,12}")
                || Duration.between(Instant.ofEpochSecond(Long.parseLong(headers.timestamp())), now).abs().compareTo(MAX_NOTIFICATION_AGE) > 0) {
            throw reject("REJECTED_STALE", null, null, null, "timestamp " + headers.timestamp());
        }
    }

    private static SignatureHeader signatureOf(NotificationHeaders headers) {
        return SignatureHeader.builder().timeStamp(headers.timestamp()).nonce(headers.nonce())
                .signature(headers.signature()).serial(headers.serial()).build();
    }

    /** The money arrived: pay the order once; for an order already cancelled, give the money back. */
    private Outcome settle(Order order, String transactionId, Instant paidAt) {
        if (orders.markPaid(order.getOrderNo(), transactionId, paidAt)) {
            log.info("Order {} paid by transaction {}", order.getOrderNo(), transactionId);
            return Outcome.PAID;
        }
        Order now = orders.get(order.getOrderNo());
        if (now.getStatus() == OrderStatus.CANCELLED) {
            refunds.refundLatePayment(now);
            return Outcome.REFUNDED_LATE;
        }
        if (!transactionId.equals(now.getTransactionId())) {
            security.warn("Order {} is {} with transaction {} but a notification names transaction {}", now.getOrderNo(),
                    now.getStatus(), now.getTransactionId(), transactionId);
        }
        return Outcome.DUPLICATE;
    }

    /**
     * Before an unpaid order is cancelled at its timeout, asks WeChat Pay whether it was paid after all (a notification may
     * be late or lost). True when it was, and the order is now PAID.
     */
    public boolean paidAtWechat(Order order) {
        if (order.getPrepayId() == null) {
            return false;
        }
        try {
            WxPayOrderQueryV3Result result = wechat.queryOrderV3(null, order.getOrderNo());
            if ("SUCCESS".equals(result.getTradeState()) && result.getAmount() != null
                    && order.isPaidInFullBy(result.getAmount().getTotal())) {
                settle(order, result.getTransactionId(), parseTime(result.getSuccessTime(), clock.instant()));
                return true;
            }
            wechat.closeOrderV3(order.getOrderNo());
        } catch (WxPayException e) {
            log.warn("Could not query or close order {} at WeChat Pay: {} {}", order.getOrderNo(), e.getErrCode(), e.getErrCodeDes());
        }
        return false;
    }

    private static Instant parseTime(String rfc3339, Instant fallback) {
        try {
            return rfc3339 == null ? fallback : OffsetDateTime.parse(rfc3339).toInstant();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private BusinessException reject(String outcome, String transactionId, String orderNo, Long amount, String detail) {
        record(outcome, transactionId, orderNo, amount, detail);
        return new BusinessException(PaymentError.NOTIFICATION_REJECTED, Map.of("reason", outcome));
    }

    private BusinessException mismatch(String outcome, String transactionId, String orderNo, Long amount, String detail) {
        record(outcome, transactionId, orderNo, amount, detail);
        return new BusinessException(PaymentError.NOTIFICATION_MISMATCH, Map.of("reason", outcome));
    }

    private void record(String outcome, String transactionId, String orderNo, Long amount, String detail) {
        security.warn("Payment notification rejected ({}): order {}, transaction {}, amount {}: {}", outcome, orderNo,
                transactionId, amount, detail);
        payments.logNotification(IdWorker.getId(), transactionId, orderNo, amount, outcome,
                detail == null ? null : detail.substring(0, Math.min(256, detail.length())), clock.instant());
    }
}
