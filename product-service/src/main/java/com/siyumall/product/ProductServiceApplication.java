package com.siyumall.product;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Catalog, stock, banners, launches and sales statistics. */
@SpringBootApplication
@EnableScheduling
public class ProductServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application as it is run; its configuration file is product-service.yml, so services can share a class path in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ProductServiceApplication.class).properties("spring.config.name=product-service");
    }
}
