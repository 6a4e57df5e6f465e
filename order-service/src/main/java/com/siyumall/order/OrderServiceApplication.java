package com.siyumall.order;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Cart, checkout, orders and their lifecycle, WeChat Pay, after-sale. */
@SpringBootApplication
@EnableScheduling
public class OrderServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application as it is run; its configuration file is order-service.yml, so services can share a class path in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OrderServiceApplication.class).properties("spring.config.name=order-service");
    }
}
