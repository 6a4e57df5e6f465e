package com.siyumall.member.support;

import com.siyumall.devstack.DevStackExtension;
import com.siyumall.promotion.PromotionServiceApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real promotion-service, started once per test JVM beside member-service for the features that call it (the
 * points mall). Its address is given as the system property member-service reads on first call.
 */
public final class PromotionBeside {
    private static ConfigurableApplicationContext promotion;

    private PromotionBeside() {}

    public static synchronized void start() {
        if (promotion == null) {
            DevStackExtension.prepare();
            promotion = PromotionServiceApplication.application().run("--server.port=0");
            System.setProperty("siyumall.services.promotion",
                    "http://127.0.0.1:" + promotion.getEnvironment().getProperty("local.server.port"));
            Runtime.getRuntime().addShutdownHook(new Thread(promotion::close, "promotion-beside-stop"));
        }
    }

    public static <T> T bean(Class<T> type) {
        return promotion.getBean(type);
    }
}
