package com.siyumall.member.merchant;

import com.siyumall.common.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first merchant account of a new installation, from {@code siyumall.bootstrap.merchant-username/-password}
 * (environment MERCHANT_BOOTSTRAP_USERNAME / _PASSWORD). Does nothing once any account exists.
 */
@Component
class MerchantBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(MerchantBootstrap.class);

    private final MerchantAccountService accounts;
    private final String username;
    private final String password;

    MerchantBootstrap(MerchantAccountService accounts,
                      @Value("${siyumall.bootstrap.merchant-username:}") String username,
                      @Value("${siyumall.bootstrap.merchant-password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank() || !accounts.noAccountsYet()) {
            return;
        }
        accounts.open(username, password, username, Role.MERCHANT, null);
        log.info("Opened the first merchant account '{}' from the bootstrap settings", username);
    }
}
