package com.siyumall.promotion;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Coupons, guide issuing and QR codes, first-purchase, repurchase and group-buy activities, pricing. */
@SpringBootApplication
@EnableScheduling
public class PromotionServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application as it is run; its configuration file is promotion-service.yml, so services can share a class path in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PromotionServiceApplication.class).properties("spring.config.name=promotion-service");
    }
}
