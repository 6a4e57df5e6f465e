package com.siyumall.member;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** WeChat login, members, merchants, guides and stores, growth, points, check-in, insights, subscription messages. */
@SpringBootApplication
@EnableScheduling
public class MemberServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application as it is run; its configuration file is member-service.yml, so services can share a class path in tests. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(MemberServiceApplication.class).properties("spring.config.name=member-service");
    }
}
