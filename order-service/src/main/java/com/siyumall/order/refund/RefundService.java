package com.siyumall.order.refund;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayRefundV3Result;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.web.PageQuery;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderEvents;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderLine;
import com.siyumall.order.order.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Refunds. Before shipping the member's request goes to WeChat Pay at once and the stock of those lines comes back;
 * after shipping a merchant approves or rejects it. Money is booked on the order when WeChat Pay reports the refund done.
 * The order row is locked while a refund is opened, so two requests can never together refund more than was paid.
 */
@Service
public class RefundService {
    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final RefundMapper refunds;
    private final OrderLifecycle orders;
    private final WxPayService wechat;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Environment environment;
    private final Clock clock;

    RefundService(RefundMapper refunds, OrderLifecycle orders, WxPayService wechat, TransactionTemplate transaction,
                  ObjectMapper json, Environment environment, Clock clock) {
        this.refunds = refunds;
        this.orders = orders;
        this.wechat = wechat;
        this.transaction = transaction;
        this.json = json;
        this.environment = environment;
        this.clock = clock;
    }

    public record LineRequest(long skuId, int quantity) {}

    /** A member asks for money back: the whole order ({@code items} empty) or some of its lines. */
    public Refund request(long memberId, String orderNo, String reason, List<LineRequest> items) {
        Refund refund = transaction.execute(status -> {
            Order order = orders.lockOwnedBy(memberId, orderNo);
            if (order.getStatus() != OrderStatus.PAID && order.getStatus() != OrderStatus.SHIPPED) {
                throw new BusinessException(RefundError.REFUND_NOT_ALLOWED, orderNo, order.getStatus().name());
            }
            List<OrderEvents.Line> lines = linesOf(order, items);
            long open = refunds.committedAmount(orderNo);
            long amount = items == null || items.isEmpty() ? order.getPayAmount() - open
                    : lines.stream().mapToLong(OrderEvents.Line::amount).sum();
            if (amount <= 0 || open + amount > order.getPayAmount()) {
                throw new BusinessException(RefundError.REFUND_EXCEEDS_PAID, orderNo);
            }
            boolean shipped = order.getStatus() == OrderStatus.SHIPPED;
            String refundNo = "RF" + IdWorker.getIdStr();
            refunds.open(refundNo, orderNo, memberId, amount, reason,
                    (shipped ? Refund.Status.REQUESTED : Refund.Status.PROCESSING).name(), write(lines), !shipped, clock.instant());
            Refund opened = refunds.selectById(refundNo);
            if (!shipped) {
                AfterCommit.run(() -> sendToWechat(opened, order));
            }
            return opened;
        });
        return refunds.selectById(refund.getRefundNo());
    }

    private List<OrderEvents.Line> linesOf(Order order, List<LineRequest> items) {
        List<OrderLine> lines = orders.linesOf(order.getOrderNo());
        if (items == null || items.isEmpty()) {
            return lines.stream().map(l -> new OrderEvents.Line(l.getSkuId(), l.getSpuId(), l.getQuantity(), l.getAmount())).toList();
        }
        Map<Long, OrderLine> bySku = lines.stream().collect(Collectors.toMap(OrderLine::getSkuId, Function.identity()));
        List<OrderEvents.Line> picked = new ArrayList<>();
        for (LineRequest item : items) {
            OrderLine line = bySku.get(item.skuId());
            if (line == null || item.quantity() < 1 || item.quantity() > line.getQuantity()) {
                throw new BusinessException(RefundError.REFUND_LINE_INVALID, item.skuId());
            }
            picked.add(new OrderEvents.Line(line.getSkuId(), line.getSpuId(), item.quantity(), line.getPrice() * item.quantity()));
        }
        return picked;
    }

    public Refund approve(String refundNo, long merchantId) {
        Refund refund = get(refundNo);
        if (refunds.decide(refundNo, Refund.Status.PROCESSING.name(), merchantId, null, clock.instant()) == 0) {
            throw new BusinessException(RefundError.REFUND_ALREADY_DECIDED, refundNo);
        }
        sendToWechat(refunds.selectById(refundNo), orders.get(refund.getOrderNo()));
        return refunds.selectById(refundNo);
    }

    public Refund reject(String refundNo, long merchantId, String why) {
        get(refundNo);
        if (refunds.decide(refundNo, Refund.Status.REJECTED.name(), merchantId, why, clock.instant()) == 0) {
            throw new BusinessException(RefundError.REFUND_ALREADY_DECIDED, refundNo);
        }
        return refunds.selectById(refundNo);
    }

    /** The money of an order paid after it was cancelled goes straight back, once. */
    public void refundLatePayment(Order order) {
        refundWhole(order, "RL", "PAID_AFTER_CANCEL", "[]", false);
    }

    /**
     * A paid order of a group that failed: all its money goes back, once, and its units return to stock when WeChat Pay
     * confirms (nothing was shipped: group-buy orders wait for their group).
     */
    public void refundFailedGroupBuy(Order order) {
        refundWhole(order, "RG", "GROUP_BUY_FAILED", write(linesOf(order, List.of())), true);
    }

    private void refundWhole(Order order, String prefix, String reason, String lines, boolean restock) {
        String refundNo = prefix + order.getOrderNo().substring(1);
        if (refunds.open(refundNo, order.getOrderNo(), order.getMemberId(), order.getPayAmount(), reason,
                Refund.Status.PROCESSING.name(), lines, restock, clock.instant()) == 0) {
            return;
        }
        // WeChat Pay may notify before a surrounding transaction commits; the row it looks up must be there by then
        Refund opened = refunds.selectById(refundNo);
        AfterCommit.run(() -> sendToWechat(opened, order));
    }

    /**
     * Asks WeChat Pay again about a refund stuck in PROCESSING: sends it if it never got there (the process stopped
     * after the row committed; WeChat Pay answers a repeated refund number with the first refund), otherwise books the
     * result its notification should have brought.
     */
    void reconcile(Refund refund) {
        if (refund.getRefundId() == null) {
            sendToWechat(refund, orders.get(refund.getOrderNo()));
            return;
        }
        try {
            String status = wechat.refundQueryV3(refund.getRefundNo()).getStatus();
            if (!"PROCESSING".equals(status)) {
                log.warn("Refund {} is {} at WeChat Pay; its notification did not arrive", refund.getRefundNo(), status);
                onResult(refund.getRefundNo(), status);
            }
        } catch (WxPayException e) {
            log.warn("Refund {} could not be looked up at WeChat Pay: {} {}", refund.getRefundNo(), e.getErrCode(), e.getErrCodeDes());
        }
    }

    private void sendToWechat(Refund refund, Order order) {
        WxPayRefundV3Request request = new WxPayRefundV3Request();
        request.setOutTradeNo(order.getOrderNo());
        request.setOutRefundNo(refund.getRefundNo());
        request.setReason(refund.getReason());
        request.setNotifyUrl(refundNotifyUrl());
        request.setAmount(new WxPayRefundV3Request.Amount().setRefund(Math.toIntExact(refund.getAmount()))
                .setTotal(Math.toIntExact(order.getPayAmount())).setCurrency("CNY"));
        try {
            WxPayRefundV3Result result = wechat.refundV3(request);
            refunds.recordRefundId(refund.getRefundNo(), result.getRefundId(), clock.instant());
            log.info("Refund {} of order {} ({} fen) is {} at WeChat Pay", refund.getRefundNo(), order.getOrderNo(),
                    refund.getAmount(), result.getStatus());
        } catch (WxPayException e) {
            refunds.move(refund.getRefundNo(), Refund.Status.PROCESSING.name(), Refund.Status.FAILED.name(), clock.instant());
            log.error("Refund {} of order {} failed at WeChat Pay: {} {}", refund.getRefundNo(), order.getOrderNo(),
                    e.getErrCode(), e.getErrCodeDes());
        }
    }

    private String refundNotifyUrl() {
        String configured = environment.getProperty("siyumall.wechat.pay.refund-notify-url", "");
        return configured.isBlank()
                ? "http://127.0.0.1:" + environment.getProperty("local.server.port", "8082") + "/api/payments/wechat/refund-notify"
                : configured;
    }

    /** WeChat Pay's verified word on a refund: SUCCESS books it on the order once; anything else fails it. */
    public void onResult(String refundNo, String refundStatus) {
        Refund refund = refunds.selectById(refundNo);
        if (refund == null) {
            // not committed yet, or not ours: a non-2xx answer makes WeChat Pay send it again later
            throw new BusinessException(RefundError.REFUND_NOT_FOUND, refundNo);
        }
        if (!"SUCCESS".equals(refundStatus)) {
            refunds.move(refundNo, Refund.Status.PROCESSING.name(), Refund.Status.FAILED.name(), clock.instant());
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (refunds.move(refundNo, Refund.Status.PROCESSING.name(), Refund.Status.SUCCESS.name(), clock.instant()) == 1
                    && !"PAID_AFTER_CANCEL".equals(refund.getReason())) {
                orders.refunded(refund.getOrderNo(), refundNo, refund.getAmount(), read(refund.getRefundLines()), Boolean.TRUE.equals(refund.getRestock()));
            }
        });
    }

    public Refund get(String refundNo) {
        Refund refund = refunds.selectById(refundNo);
        if (refund == null) {
            throw new BusinessException(RefundError.REFUND_NOT_FOUND, refundNo);
        }
        return refund;
    }

    /** Refunds newest first, of one status and of one order when asked. */
    /** Refunds newest first; {@code memberId} null: everyone's (the merchant), else that member's only. */
    public IPage<Refund> page(PageQuery page, Long memberId, Refund.Status status, String orderNo) {
        return refunds.selectPage(page.toPage(), new LambdaQueryWrapper<Refund>().eq(memberId != null, Refund::getMemberId, memberId)
                .eq(status != null, Refund::getStatus, status)
                .eq(orderNo != null && !orderNo.isBlank(), Refund::getOrderNo, orderNo)
                .orderByDesc(Refund::getCreatedAt).orderByDesc(Refund::getRefundNo));
    }

    private String write(List<OrderEvents.Line> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<OrderEvents.Line> read(String lines) {
        try {
            return lines == null || lines.isBlank() ? List.of() : json.readValue(lines, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
