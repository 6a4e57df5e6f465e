package com.siyumall.devstack.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the WeChat endpoints WxJava calls: mini-program login, phone number, subscription messages,
 * unlimited mini-program codes, and WeChat Pay v3 (JSAPI prepay, query, close, refund, refund query) with notifications
 * signed by the sandbox's own platform key and encrypted with the APIv3 key, exactly as WeChat Pay sends them.
 *
 * <p>Login codes: {@code demo-<name>} or {@code demo-<name>.<anything>} map to one openid and unionid per name; each exact
 * code works once. Phone codes: {@code phone-<digits>} or {@code phone-<digits>.<anything>}.
 */
public final class WechatSandbox {
    private static final Logger log = LoggerFactory.getLogger(WechatSandbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    public static final String PAY_HOST = "sandbox.mch.weixin.qq.com";
    /** The brand's second mini-program: its users have their own openids but the same unionids. */
    public static final String SECOND_APP_ID = "wxsandbox00000002";

    private final HttpServer server;
    private final SandboxCredentials credentials;
    private final KeyPair platformKeys;
    private final java.security.PublicKey merchantPublicKey;
    private final HttpClient notifier = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "wechat-sandbox-notifier");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean autoPay;

    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final List<Map<String, Object>> subscribeMessages = new CopyOnWriteArrayList<>();
    private final Map<String, Transaction> transactionsByPrepayId = new ConcurrentHashMap<>();
    private final Map<String, Transaction> transactionsByOutTradeNo = new ConcurrentHashMap<>();
    private final Map<String, Refund> refundsByOutRefundNo = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> notifications = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000);

    private WechatSandbox(HttpServer server, SandboxCredentials credentials, KeyPair platformKeys, KeyPair merchantKeys) {
        this.server = server;
        this.credentials = credentials;
        this.platformKeys = platformKeys;
        this.merchantPublicKey = merchantKeys.getPublic();
    }

    public static WechatSandbox start(int port, boolean autoPay) {
        KeyPair platform = PayCrypto.newRsaKeyPair();
        KeyPair merchant = PayCrypto.newRsaKeyPair();
        SandboxCredentials credentials = new SandboxCredentials(
                "wxsandbox00000001", PayCrypto.randomString(32), "1900000109", PayCrypto.randomString(32),
                "5157F09EFDC096DE15EBE81A47057A72" + PayCrypto.randomString(8).toUpperCase(),
                PayCrypto.pemPrivateKey(merchant.getPrivate()), PayCrypto.pemPublicKey(merchant.getPublic()),
                "PUB_KEY_ID_0119000001092025SANDBOX", PayCrypto.pemPublicKey(platform.getPublic()),
                SECOND_APP_ID, PayCrypto.randomString(32));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            server.setExecutor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "wechat-sandbox");
                t.setDaemon(true);
                return t;
            }));
            WechatSandbox sandbox = new WechatSandbox(server, credentials, platform, merchant);
            sandbox.autoPay = autoPay;
            server.createContext("/", sandbox::handle);
            server.start();
            log.info("WeChat sandbox listening on {} (auto-pay {})", sandbox.url(), autoPay ? "on" : "off");
            return sandbox;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the WeChat sandbox", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The WeChat Pay base URL, by a host name under mch.weixin.qq.com: WxJava signs and verifies only for those hosts.
     * Clients resolve {@link #PAY_HOST} to 127.0.0.1 themselves; no DNS is asked.
     */
    public String payUrl() {
        return "http://" + PAY_HOST + ":" + server.getAddress().getPort();
    }

    public SandboxCredentials credentials() {
        return credentials;
    }

    public void setAutoPay(boolean autoPay) {
        this.autoPay = autoPay;
    }

    /** The openid a login code of this name maps to; tests use it to find a member's messages. */
    public static String openIdOf(String name) {
        return "o-sandbox-" + name;
    }

    /** The openid of this name in the brand's second mini-program. */
    public static String secondAppOpenIdOf(String name) {
        return "o-sandbox2-" + name;
    }

    public static String unionIdOf(String name) {
        return "u-sandbox-" + name;
    }

    public List<Map<String, Object>> subscribeMessages() {
        return List.copyOf(subscribeMessages);
    }

    public void stop() {
        scheduler.shutdownNow();
        server.stop(0);
    }

    // ---------------------------------------------------------------- routing

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            if (path.startsWith("/v3/")) {
                handlePay(exchange, method, path, body);
                return;
            }
            switch (method + " " + path) {
                case "GET /cgi-bin/token" -> token(exchange, query);
                case "POST /cgi-bin/stable_token" -> token(exchange, Map.of(
                        "appid", text(JSON.readTree(body), "appid"), "secret", text(JSON.readTree(body), "secret")));
                case "GET /sns/jscode2session" -> jscode2session(exchange, query);
                case "POST /wxa/business/getuserphonenumber" -> phoneNumber(exchange, query, body);
                case "POST /cgi-bin/message/subscribe/send" -> subscribeSend(exchange, query, body);
                case "POST /wxa/getwxacodeunlimit" -> wxaCodeUnlimited(exchange, query, body);
                case "GET /sandbox/health" -> json(exchange, 200, Map.of("status", "UP"));
                case "GET /sandbox/subscribe-messages" -> json(exchange, 200, Map.of("items", subscribeMessages));
                case "DELETE /sandbox/subscribe-messages" -> {
                    subscribeMessages.clear();
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                }
                case "GET /sandbox/pay/notifications" -> json(exchange, 200, Map.of("items", notifications));
                default -> {
                    if (method.equals("POST") && path.matches("/sandbox/pay/[^/]+/succeed")) {
                        String prepayId = path.split("/")[3];
                        json(exchange, 200, paySucceeded(prepayId));
                    } else {
                        json(exchange, 404, Map.of("errcode", 404, "errmsg", "sandbox has no " + method + " " + path));
                    }
                }
            }
        } catch (Exception e) {
            log.warn("WeChat sandbox failed on {} {}", method, path, e);
            json(exchange, 500, Map.of("errcode", -1, "errmsg", "sandbox error: " + e.getMessage()));
        }
    }

    // ---------------------------------------------------------------- mini-program

    private boolean knownApp(String appId, String secret, boolean secretRequired) {
        if (credentials.appId().equals(appId)) {
            return secret == null ? !secretRequired : credentials.appSecret().equals(secret);
        }
        if (credentials.secondAppId().equals(appId)) {
            return secret == null ? !secretRequired : credentials.secondAppSecret().equals(secret);
        }
        return false;
    }

    private void token(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!knownApp(query.get("appid"), query.get("secret"), true)) {
            json(exchange, 200, Map.of("errcode", 40125, "errmsg", "invalid appsecret"));
            return;
        }
        String token = "sandbox-token-" + PayCrypto.randomString(24);
        accessTokens.add(token);
        json(exchange, 200, Map.of("access_token", token, "expires_in", 7200));
    }

    private boolean validAccessToken(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (query.get("access_token") == null || !accessTokens.contains(query.get("access_token"))) {
            json(exchange, 200, Map.of("errcode", 40001, "errmsg", "invalid credential, access_token is invalid or not latest"));
            return false;
        }
        return true;
    }

    private void jscode2session(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!knownApp(query.get("appid"), query.get("secret"), false)) {
            json(exchange, 200, Map.of("errcode", 40013, "errmsg", "invalid appid"));
            return;
        }
        String code = query.getOrDefault("js_code", "");
        String name = codeName(code, "demo-");
        if (name == null) {
            json(exchange, 200, Map.of("errcode", 40029, "errmsg", "invalid code"));
            return;
        }
        if (!usedCodes.add("login:" + code)) {
            json(exchange, 200, Map.of("errcode", 40163, "errmsg", "code been used"));
            return;
        }
        json(exchange, 200, Map.of(
                "openid", credentials.secondAppId().equals(query.get("appid")) ? secondAppOpenIdOf(name) : openIdOf(name),
                "unionid", unionIdOf(name),
                "session_key", java.util.Base64.getEncoder().encodeToString(PayCrypto.randomString(16).getBytes(StandardCharsets.UTF_8))));
    }

    private void phoneNumber(HttpExchange exchange, Map<String, String> query, byte[] body) throws IOException {
        if (!validAccessToken(exchange, query)) {
            return;
        }
        String code = text(JSON.readTree(body), "code");
        String digits = codeName(code == null ? "" : code, "phone-");
        if (digits == null || !digits.matches("\\d{6,15}")) {
            json(exchange, 200, Map.of("errcode", 40029, "errmsg", "invalid code"));
            return;
        }
        if (!usedCodes.add("phone:" + code)) {
            json(exchange, 200, Map.of("errcode", 40163, "errmsg", "code been used"));
            return;
        }
        json(exchange, 200, Map.of("errcode", 0, "errmsg", "ok", "phone_info", Map.of(
                "phoneNumber", "+86" + digits,
                "purePhoneNumber", digits,
                "countryCode", "86",
                "watermark", Map.of("timestamp", System.currentTimeMillis() / 1000, "appid", credentials.appId()))));
    }

    private void subscribeSend(HttpExchange exchange, Map<String, String> query, byte[] body) throws IOException {
        if (!validAccessToken(exchange, query)) {
            return;
        }
        JsonNode message = JSON.readTree(body);
        if (text(message, "touser") == null || text(message, "template_id") == null) {
            json(exchange, 200, Map.of("errcode", 47003, "errmsg", "argument invalid! touser and template_id are required"));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = JSON.convertValue(message, LinkedHashMap.class);
        recorded.put("receivedAt", OffsetDateTime.now(SHANGHAI).format(RFC3339));
        subscribeMessages.add(recorded);
        json(exchange, 200, Map.of("errcode", 0, "errmsg", "ok", "msgid", sequence.incrementAndGet()));
    }

    private void wxaCodeUnlimited(HttpExchange exchange, Map<String, String> query, byte[] body) throws IOException {
        if (!validAccessToken(exchange, query)) {
            return;
        }
        String scene = text(JSON.readTree(body), "scene");
        if (scene == null || scene.isEmpty() || scene.length() > 32) {
            json(exchange, 200, Map.of("errcode", 40169, "errmsg", "invalid length for scene, or the data is not json string"));
            return;
        }
        byte[] png = MiniProgramCode.png(scene);
        exchange.getResponseHeaders().add("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, png.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(png);
        }
    }

    /** "demo-alice" and "demo-alice.7" both name alice; anything else names nobody. */
    private static String codeName(String code, String prefix) {
        if (!code.startsWith(prefix) || code.length() == prefix.length()) {
            return null;
        }
        String rest = code.substring(prefix.length());
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        return name.isEmpty() ? null : name;
    }

    // ---------------------------------------------------------------- WeChat Pay v3

    private void handlePay(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        String bodyText = new String(body, StandardCharsets.UTF_8);
        if (!merchantSignatureValid(exchange, method, bodyText)) {
            payJson(exchange, 401, Map.of("code", "SIGN_ERROR", "message", "签名错误: the merchant signature does not verify"));
            return;
        }
        if (method.equals("POST") && path.equals("/v3/pay/transactions/jsapi")) {
            prepay(exchange, JSON.readTree(body));
        } else if (method.equals("GET") && path.startsWith("/v3/pay/transactions/out-trade-no/")) {
            Transaction tx = transactionsByOutTradeNo.get(path.substring("/v3/pay/transactions/out-trade-no/".length()));
            if (tx == null) {
                payJson(exchange, 404, Map.of("code", "ORDER_NOT_EXIST", "message", "订单不存在"));
            } else {
                payJson(exchange, 200, tx.asQueryResult());
            }
        } else if (method.equals("POST") && path.matches("/v3/pay/transactions/out-trade-no/[^/]+/close")) {
            Transaction tx = transactionsByOutTradeNo.get(path.split("/")[5]);
            if (tx == null) {
                payJson(exchange, 404, Map.of("code", "ORDER_NOT_EXIST", "message", "订单不存在"));
            } else if (tx.state.equals("SUCCESS") || tx.state.equals("REFUND")) {
                payJson(exchange, 400, Map.of("code", "ORDERPAID", "message", "订单已支付"));
            } else {
                tx.state = "CLOSED";
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
        } else if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
            refund(exchange, JSON.readTree(body));
        } else if (method.equals("GET") && path.startsWith("/v3/refund/domestic/refunds/")) {
            Refund refund = refundsByOutRefundNo.get(path.substring("/v3/refund/domestic/refunds/".length()));
            if (refund == null) {
                payJson(exchange, 404, Map.of("code", "RESOURCE_NOT_EXISTS", "message", "退款单不存在"));
            } else {
                payJson(exchange, 200, refund.asResult());
            }
        } else {
            payJson(exchange, 404, Map.of("code", "NOT_FOUND", "message", "sandbox has no " + method + " " + path));
        }
    }

    private boolean merchantSignatureValid(HttpExchange exchange, String method, String body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
            log.warn("WeChat Pay request without a merchant signature: {} {} Authorization={}", method, exchange.getRequestURI(), authorization);
            return false;
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : authorization.substring("WECHATPAY2-SHA256-RSA2048 ".length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim().replace("\"", ""));
            }
        }
        if (!credentials.mchId().equals(parts.get("mchid")) || !credentials.merchantSerialNo().equals(parts.get("serial_no"))) {
            log.warn("WeChat Pay request from an unknown merchant or key: {}", authorization);
            return false;
        }
        URI uri = exchange.getRequestURI();
        String canonicalUrl = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String message = method + "\n" + canonicalUrl + "\n" + parts.get("timestamp") + "\n" + parts.get("nonce_str") + "\n" + body + "\n";
        boolean valid = parts.get("signature") != null && PayCrypto.verify(merchantPublicKey, message, parts.get("signature"));
        if (!valid) {
            log.warn("WeChat Pay request with a bad signature: {} {} header={} message={}", method, canonicalUrl, authorization, message);
        }
        return valid;
    }

    private void prepay(HttpExchange exchange, JsonNode request) throws IOException {
        String outTradeNo = text(request, "out_trade_no");
        JsonNode amount = request.path("amount");
        String openId = request.path("payer").path("openid").asText(null);
        String notifyUrl = text(request, "notify_url");
        if (outTradeNo == null || !amount.has("total") || amount.get("total").asLong() <= 0 || openId == null || notifyUrl == null) {
            payJson(exchange, 400, Map.of("code", "PARAM_ERROR", "message", "参数错误: out_trade_no, amount.total > 0, payer.openid and notify_url are required"));
            return;
        }
        if (!credentials.appId().equals(text(request, "appid")) || !credentials.mchId().equals(text(request, "mchid"))) {
            payJson(exchange, 400, Map.of("code", "APPID_MCHID_NOT_MATCH", "message", "appid和mch_id不匹配"));
            return;
        }
        Transaction existing = transactionsByOutTradeNo.get(outTradeNo);
        if (existing != null) {
            if (!existing.state.equals("NOTPAY")) {
                payJson(exchange, 400, Map.of("code", "ORDERPAID", "message", "该订单已支付或已关闭"));
                return;
            }
            if (existing.total != amount.get("total").asLong()) {
                payJson(exchange, 400, Map.of("code", "INVALID_REQUEST", "message", "201 商户订单号重复: the amount differs from the first prepay"));
                return;
            }
            payJson(exchange, 200, Map.of("prepay_id", existing.prepayId));
            return;
        }
        Transaction tx = new Transaction();
        tx.prepayId = "wx" + System.currentTimeMillis() + PayCrypto.randomString(10);
        tx.outTradeNo = outTradeNo;
        tx.total = amount.get("total").asLong();
        tx.openId = openId;
        tx.notifyUrl = notifyUrl;
        tx.description = text(request, "description");
        tx.attach = text(request, "attach");
        transactionsByPrepayId.put(tx.prepayId, tx);
        transactionsByOutTradeNo.put(outTradeNo, tx);
        payJson(exchange, 200, Map.of("prepay_id", tx.prepayId));
        if (autoPay) {
            scheduler.schedule(() -> paySucceeded(tx.prepayId), 1, TimeUnit.SECONDS);
        }
    }

    /** Marks the transaction paid and POSTs the signed, encrypted TRANSACTION.SUCCESS notification to its notify URL. */
    public Map<String, Object> paySucceeded(String prepayId) {
        Transaction tx = transactionsByPrepayId.get(prepayId);
        if (tx == null) {
            return Map.of("notified", false, "reason", "no such prepay id");
        }
        synchronized (tx) {
            if (tx.state.equals("NOTPAY")) {
                tx.state = "SUCCESS";
                tx.transactionId = "42000" + System.currentTimeMillis() + String.format("%06d", sequence.incrementAndGet() % 1_000_000);
                tx.successTime = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
            } else if (!tx.state.equals("SUCCESS")) {
                return Map.of("notified", false, "reason", "transaction is " + tx.state);
            }
        }
        int status = notify(tx.notifyUrl, "TRANSACTION.SUCCESS", "支付成功", "transaction", tx.asQueryResult());
        return Map.of("notified", true, "notifyStatus", status, "transactionId", tx.transactionId, "outTradeNo", tx.outTradeNo);
    }

    private void refund(HttpExchange exchange, JsonNode request) throws IOException {
        String outRefundNo = text(request, "out_refund_no");
        String outTradeNo = text(request, "out_trade_no");
        String transactionId = text(request, "transaction_id");
        long refundAmount = request.path("amount").path("refund").asLong(0);
        long total = request.path("amount").path("total").asLong(0);
        Transaction tx = outTradeNo != null ? transactionsByOutTradeNo.get(outTradeNo)
                : transactionsByOutTradeNo.values().stream().filter(t -> transactionId != null && transactionId.equals(t.transactionId)).findFirst().orElse(null);
        if (outRefundNo == null || refundAmount <= 0) {
            payJson(exchange, 400, Map.of("code", "PARAM_ERROR", "message", "参数错误: out_refund_no and amount.refund > 0 are required"));
            return;
        }
        if (tx == null || tx.transactionId == null) {
            payJson(exchange, 404, Map.of("code", "RESOURCE_NOT_EXISTS", "message", "订单不存在或未支付"));
            return;
        }
        Refund existing = refundsByOutRefundNo.get(outRefundNo);
        if (existing != null) {
            payJson(exchange, 200, existing.asResult());
            return;
        }
        Refund refund;
        synchronized (tx) {
            if (total != tx.total) {
                payJson(exchange, 400, Map.of("code", "PARAM_ERROR", "message", "订单金额与原订单不一致"));
                return;
            }
            if (tx.refunded + refundAmount > tx.total) {
                payJson(exchange, 403, Map.of("code", "NOT_ENOUGH", "message", "申请退款金额超过订单可退金额"));
                return;
            }
            tx.refunded += refundAmount;
            tx.state = "REFUND";
            refund = new Refund();
            refund.tx = tx;
            refund.outRefundNo = outRefundNo;
            refund.refundId = "50000" + System.currentTimeMillis() + String.format("%06d", sequence.incrementAndGet() % 1_000_000);
            refund.amount = refundAmount;
            refund.createTime = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
            refund.notifyUrl = text(request, "notify_url");
            refundsByOutRefundNo.put(outRefundNo, refund);
        }
        payJson(exchange, 200, refund.asResult());
        scheduler.schedule(() -> {
            refund.status = "SUCCESS";
            refund.successTime = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
            if (refund.notifyUrl != null) {
                notify(refund.notifyUrl, "REFUND.SUCCESS", "退款成功", "refund", refund.asNotification());
            }
        }, 200, TimeUnit.MILLISECONDS);
    }

    /** A notification as WeChat Pay sends it: the body and its Wechatpay-* headers. */
    public record SignedNotification(Map<String, String> headers, String body) {}

    /**
     * Marks the prepay paid and returns its TRANSACTION.SUCCESS notification, signed by the platform key with the given
     * timestamp, without sending it — so tests can deliver it many times, late, or with changed fields
     * ({@code resourceChanges} replace top-level fields of the decrypted resource, e.g. {@code amount}).
     */
    public SignedNotification signedPaymentNotification(String prepayId, Map<String, Object> resourceChanges, long epochSeconds) {
        Transaction tx = transactionsByPrepayId.get(prepayId);
        if (tx == null) {
            throw new IllegalArgumentException("No such prepay id: " + prepayId);
        }
        synchronized (tx) {
            if (tx.state.equals("NOTPAY")) {
                tx.state = "SUCCESS";
                tx.transactionId = "42000" + System.currentTimeMillis() + String.format("%06d", sequence.incrementAndGet() % 1_000_000);
                tx.successTime = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
            }
        }
        Map<String, Object> resource = new LinkedHashMap<>(tx.asQueryResult());
        resource.putAll(resourceChanges);
        return sign("TRANSACTION.SUCCESS", "支付成功", "transaction", resource, epochSeconds);
    }

    private SignedNotification sign(String eventType, String summary, String originalType, Map<String, Object> resource,
                                    long epochSeconds) {
        try {
            String nonce = PayCrypto.randomString(12);
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("id", java.util.UUID.randomUUID().toString());
            envelope.put("create_time", OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS).format(RFC3339));
            envelope.put("resource_type", "encrypt-resource");
            envelope.put("event_type", eventType);
            envelope.put("summary", summary);
            envelope.put("resource", Map.of(
                    "original_type", originalType,
                    "algorithm", "AEAD_AES_256_GCM",
                    "ciphertext", PayCrypto.encrypt(credentials.apiV3Key(), nonce, originalType, JSON.writeValueAsString(resource)),
                    "associated_data", originalType,
                    "nonce", nonce));
            String body = JSON.writeValueAsString(envelope);
            String timestamp = Long.toString(epochSeconds);
            String signatureNonce = PayCrypto.randomString(32);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Wechatpay-Timestamp", timestamp);
            headers.put("Wechatpay-Nonce", signatureNonce);
            headers.put("Wechatpay-Serial", credentials.platformPublicKeyId());
            headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
            headers.put("Wechatpay-Signature", PayCrypto.sign(platformKeys.getPrivate(), timestamp + "\n" + signatureNonce + "\n" + body + "\n"));
            return new SignedNotification(headers, body);
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign a notification", e);
        }
    }

    /**
     * Like WeChat Pay, a notification that is not answered 2xx is sent again — sooner than WeChat Pay does (15 s … 6 h),
     * so a service that was not ready yet catches up within a test's patience.
     */
    private static final long[] RETRY_AFTER_SECONDS = {1, 2, 4, 8, 15, 30};

    private int notify(String url, String eventType, String summary, String originalType, Map<String, Object> resource) {
        int status = notifyOnce(url, eventType, summary, originalType, resource);
        if (status / 100 != 2) {
            retryNotify(url, eventType, summary, originalType, resource, 0);
        }
        return status;
    }

    private void retryNotify(String url, String eventType, String summary, String originalType, Map<String, Object> resource, int retry) {
        if (retry >= RETRY_AFTER_SECONDS.length) {
            log.warn("WeChat sandbox gave up notifying {} of {} after {} retries", url, eventType, retry);
            return;
        }
        scheduler.schedule(() -> {
            if (notifyOnce(url, eventType, summary, originalType, resource) / 100 != 2) {
                retryNotify(url, eventType, summary, originalType, resource, retry + 1);
            }
        }, RETRY_AFTER_SECONDS[retry], TimeUnit.SECONDS);
    }

    private int notifyOnce(String url, String eventType, String summary, String originalType, Map<String, Object> resource) {
        try {
            SignedNotification notification = sign(eventType, summary, originalType, resource, System.currentTimeMillis() / 1000);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(notification.body()));
            notification.headers().forEach(request::header);
            int status = notifier.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            notifications.add(Map.of("url", url, "eventType", eventType, "status", status, "resource", resource));
            log.info("WeChat sandbox notified {} of {}: HTTP {}", url, eventType, status);
            return status;
        } catch (Exception e) {
            log.warn("WeChat sandbox could not notify {} of {}: {}", url, eventType, e.toString());
            notifications.add(Map.of("url", url, "eventType", eventType, "status", -1, "resource", resource));
            return -1;
        }
    }

    /** Signs a WeChat Pay response as the platform does, so WxJava's verifier accepts it. */
    private void payJson(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = PayCrypto.randomString(32);
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Request-ID", PayCrypto.randomString(20));
        headers.add("Wechatpay-Timestamp", timestamp);
        headers.add("Wechatpay-Nonce", nonce);
        headers.add("Wechatpay-Serial", credentials.platformPublicKeyId());
        headers.add("Wechatpay-Signature", PayCrypto.sign(platformKeys.getPrivate(),
                timestamp + "\n" + nonce + "\n" + new String(bytes, StandardCharsets.UTF_8) + "\n"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private final class Transaction {
        String prepayId;
        String outTradeNo;
        String transactionId;
        String openId;
        String notifyUrl;
        String description;
        String attach;
        long total;
        long refunded;
        volatile String state = "NOTPAY";
        OffsetDateTime successTime;

        Map<String, Object> asQueryResult() {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("appid", credentials.appId());
            result.put("mchid", credentials.mchId());
            result.put("out_trade_no", outTradeNo);
            if (transactionId != null) {
                result.put("transaction_id", transactionId);
                result.put("trade_type", "JSAPI");
                result.put("bank_type", "OTHERS");
                result.put("success_time", successTime.format(RFC3339));
            }
            if (attach != null) {
                result.put("attach", attach);
            }
            result.put("trade_state", state);
            result.put("trade_state_desc", switch (state) {
                case "SUCCESS" -> "支付成功";
                case "REFUND" -> "转入退款";
                case "CLOSED" -> "已关闭";
                default -> "未支付";
            });
            result.put("payer", Map.of("openid", openId));
            result.put("amount", Map.of("total", total, "payer_total", transactionId == null ? 0 : total,
                    "currency", "CNY", "payer_currency", "CNY"));
            return result;
        }
    }

    private final class Refund {
        Transaction tx;
        String outRefundNo;
        String refundId;
        String notifyUrl;
        long amount;
        volatile String status = "PROCESSING";
        OffsetDateTime createTime;
        volatile OffsetDateTime successTime;

        Map<String, Object> asResult() {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("refund_id", refundId);
            result.put("out_refund_no", outRefundNo);
            result.put("transaction_id", tx.transactionId);
            result.put("out_trade_no", tx.outTradeNo);
            result.put("channel", "ORIGINAL");
            result.put("user_received_account", "支付用户零钱");
            result.put("create_time", createTime.format(RFC3339));
            if (successTime != null) {
                result.put("success_time", successTime.format(RFC3339));
            }
            result.put("status", status);
            result.put("funds_account", "AVAILABLE");
            result.put("amount", amountMap());
            return result;
        }

        Map<String, Object> asNotification() {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("mchid", credentials.mchId());
            result.put("out_trade_no", tx.outTradeNo);
            result.put("transaction_id", tx.transactionId);
            result.put("out_refund_no", outRefundNo);
            result.put("refund_id", refundId);
            result.put("refund_status", status);
            result.put("success_time", successTime.format(RFC3339));
            result.put("user_received_account", "支付用户零钱");
            result.put("amount", Map.of("total", tx.total, "refund", amount, "payer_total", tx.total, "payer_refund", amount));
            return result;
        }

        private Map<String, Object> amountMap() {
            Map<String, Object> amountMap = new LinkedHashMap<>();
            amountMap.put("total", tx.total);
            amountMap.put("refund", amount);
            amountMap.put("payer_total", tx.total);
            amountMap.put("payer_refund", amount);
            amountMap.put("settlement_refund", amount);
            amountMap.put("settlement_total", tx.total);
            amountMap.put("discount_refund", 0);
            amountMap.put("currency", "CNY");
            amountMap.put("from", new ArrayList<>());
            return amountMap;
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(key, value);
        }
        return result;
    }
}
