package com.siyumall.order.support;

import com.siyumall.devstack.DevStackExtension;
import com.siyumall.member.MemberServiceApplication;
import com.siyumall.product.ProductServiceApplication;
import com.siyumall.promotion.PromotionServiceApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real product-, member- and promotion-service that checkout calls, started once per test JVM beside order-service
 * (each its own Spring context on its own port, on the same dev stack).
 */
public final class UpstreamServices {
    private static ConfigurableApplicationContext product;
    private static ConfigurableApplicationContext member;
    private static ConfigurableApplicationContext promotion;

    private UpstreamServices() {}

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (product == null) {
            DevStackExtension.prepare();
            // the stale-reservation sweep asks order-service, whose address a test sets once it runs: sweeps are triggered by tests
            product = ProductServiceApplication.application().run("--server.port=0", "--siyumall.holds.sweep-every=1h");
            member = MemberServiceApplication.application().run("--server.port=0", "--siyumall.holds.sweep-every=1h");
            promotion = PromotionServiceApplication.application().run("--server.port=0", "--siyumall.holds.sweep-every=1h");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                promotion.close();
                member.close();
                product.close();
            }, "upstream-services-stop"));
        }
        registry.add("siyumall.services.product", UpstreamServices::productUrl);
        registry.add("siyumall.services.member", UpstreamServices::memberUrl);
        registry.add("siyumall.services.promotion", UpstreamServices::promotionUrl);
    }

    /** A bean of the running member-service (its points, its database), for arranging what a test needs there. */
    public static <T> T memberBean(Class<T> type) {
        return member.getBean(type);
    }

    /** A bean of the running product-service (its database, to arrange what a test needs there). */
    public static <T> T productBean(Class<T> type) {
        return product.getBean(type);
    }

    /** A bean of the running promotion-service. */
    public static <T> T promotionBean(Class<T> type) {
        return promotion.getBean(type);
    }

    public static String promotionUrl() {
        return "http://127.0.0.1:" + promotion.getEnvironment().getProperty("local.server.port");
    }

    public static String productUrl() {
        return "http://127.0.0.1:" + product.getEnvironment().getProperty("local.server.port");
    }

    public static String memberUrl() {
        return "http://127.0.0.1:" + member.getEnvironment().getProperty("local.server.port");
    }
}
